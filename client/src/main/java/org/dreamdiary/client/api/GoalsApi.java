package org.dreamdiary.client.api;

import org.dreamdiary.client.internal.Transport;

/** PLACEHOLDER. */
public final class GoalsApi {
    private final Transport transport;

    public GoalsApi(Transport transport) {
        this.transport = transport;
    }
}
