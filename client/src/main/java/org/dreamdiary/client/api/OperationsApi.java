package org.dreamdiary.client.api;

import org.dreamdiary.client.internal.Transport;

/** PLACEHOLDER. */
public final class OperationsApi {
    private final Transport transport;

    public OperationsApi(Transport transport) {
        this.transport = transport;
    }
}
