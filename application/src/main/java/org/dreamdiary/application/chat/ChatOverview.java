package org.dreamdiary.application.chat;

import java.util.List;
import java.util.Objects;
import org.dreamdiary.domain.chat.Message;

/** A chat and its latest messages, newest first. */
public record ChatOverview(ChatView chat, List<Message> latest) {
    public ChatOverview {
        Objects.requireNonNull(chat, "chat");
        latest = List.copyOf(latest);
    }
}
