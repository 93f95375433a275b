package org.dreamdiary.client.api;

import org.dreamdiary.client.internal.Transport;

/** PLACEHOLDER. */
public final class AttachmentsApi {
    private final Transport transport;

    public AttachmentsApi(Transport transport) {
        this.transport = transport;
    }
}
