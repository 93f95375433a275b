package org.dreamdiary.client.api;

import org.dreamdiary.client.internal.Transport;

/** PLACEHOLDER. */
public final class TasksApi {
    private final Transport transport;

    public TasksApi(Transport transport) {
        this.transport = transport;
    }
}
