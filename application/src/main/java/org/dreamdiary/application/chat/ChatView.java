package org.dreamdiary.application.chat;

import java.time.Instant;
import java.util.Objects;
import org.dreamdiary.domain.chat.Chat;

/** A chat as its members see it: with its member and message counts and the time of its latest message. */
public record ChatView(Chat chat, long memberCount, long messageCount, Instant lastMessageAt) {
    public ChatView {
        Objects.requireNonNull(chat, "chat");
    }
}
