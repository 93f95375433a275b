package org.dreamdiary.client.api;

import org.dreamdiary.client.internal.Transport;

/** PLACEHOLDER. */
public final class MembersApi {
    private final Transport transport;

    public MembersApi(Transport transport) {
        this.transport = transport;
    }
}
