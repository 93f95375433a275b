package org.dreamdiary.client.api;

import org.dreamdiary.client.internal.Transport;

/** PLACEHOLDER. */
public final class DiaryApi {
    private final Transport transport;

    public DiaryApi(Transport transport) {
        this.transport = transport;
    }
}
