package org.dreamdiary.domain.chat;

import java.time.Instant;
import java.util.Objects;
import org.dreamdiary.domain.user.UserId;

/**
 * A message in a chat. {@code author} is null once its author's account is deleted (the message stays);
 * {@code editedAt} is null until the first edit.
 */
public record Message(MessageId id, ChatId chat, UserId author, MessageText text, Instant createdAt, Instant editedAt,
                      long version) {
    public Message {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public static Message post(MessageId id, ChatId chat, UserId author, MessageText text, Instant now) {
        return new Message(id, chat, Objects.requireNonNull(author, "author"), text, now, null, 1);
    }

    public Message edit(MessageText newText, Instant now) {
        return new Message(id, chat, author, newText, createdAt, now, version + 1);
    }
}
