package org.dreamdiary.client.api;

import org.dreamdiary.client.internal.Transport;

/** PLACEHOLDER. */
public final class ChatsApi {
    private final Transport transport;
    private final MessagesApi messages;

    public ChatsApi(Transport transport, MessagesApi messages) {
        this.transport = transport;
        this.messages = messages;
    }

    public void closeAll() {
    }
}
