package org.dreamdiary.client.model;

import java.util.UUID;

/** What happened in a chat, as its live socket tells it. */
public sealed interface ChatEvent {
    /** The chat the event happened in. */
    UUID chatId();

    /** A new message (delivered once, in commit order, also when it was caught up after a reconnect). */
    record MessageCreated(Message message) implements ChatEvent {
        @Override
        public UUID chatId() {
            return message.chatId();
        }
    }

    /** A message's text was edited. */
    record MessageUpdated(Message message) implements ChatEvent {
        @Override
        public UUID chatId() {
            return message.chatId();
        }
    }

    /** A message was deleted. */
    record MessageDeleted(UUID messageId, UUID chatId) implements ChatEvent {
    }

    /** The chat was deleted; the live chat ends after this. */
    record ChatDeleted(UUID chatId) implements ChatEvent {
    }
}
