package org.dreamdiary.client.api;

import org.dreamdiary.client.internal.Transport;

/** PLACEHOLDER. */
public final class MessagesApi {
    private final Transport transport;

    public MessagesApi(Transport transport) {
        this.transport = transport;
    }
}
