package org.dreamdiary.client.model;

import java.util.List;

/**
 * What reading one chat answers: the chat and its latest messages, newest first (as many as the read's limit). It is
 * also what a {@code PreconditionFailedException} of a stale change to a chat holds as the chat's current state.
 */
public record ChatWithMessages(Chat chat, List<Message> messages) {
    public ChatWithMessages {
        messages = List.copyOf(messages);
    }
}
