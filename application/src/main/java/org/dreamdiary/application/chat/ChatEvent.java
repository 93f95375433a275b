package org.dreamdiary.application.chat;

import java.util.Objects;
import org.dreamdiary.domain.chat.ChatId;
import org.dreamdiary.domain.chat.Message;
import org.dreamdiary.domain.chat.MessageId;
import org.dreamdiary.domain.user.UserId;

/**
 * Something that happened in a chat, for its live subscribers on every node. Created and updated messages carry
 * the message; a removed member names the user, whose subscriptions to the chat end.
 */
public record ChatEvent(Kind kind, ChatId chat, MessageId messageId, Message message, UserId member) {
    public enum Kind {
        MESSAGE_CREATED, MESSAGE_UPDATED, MESSAGE_DELETED, CHAT_DELETED, MEMBER_REMOVED;

        /** Whether events of this kind carry the message as it now is. */
        public boolean carriesMessage() {
            return this == MESSAGE_CREATED || this == MESSAGE_UPDATED;
        }
    }

    public ChatEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(chat, "chat");
    }

    public static ChatEvent created(Message message) {
        return new ChatEvent(Kind.MESSAGE_CREATED, message.chat(), message.id(), message, null);
    }

    public static ChatEvent updated(Message message) {
        return new ChatEvent(Kind.MESSAGE_UPDATED, message.chat(), message.id(), message, null);
    }

    public static ChatEvent deleted(ChatId chat, MessageId message) {
        return new ChatEvent(Kind.MESSAGE_DELETED, chat, message, null, null);
    }

    public static ChatEvent chatDeleted(ChatId chat) {
        return new ChatEvent(Kind.CHAT_DELETED, chat, null, null, null);
    }

    public static ChatEvent memberRemoved(ChatId chat, UserId member) {
        return new ChatEvent(Kind.MEMBER_REMOVED, chat, null, null, member);
    }

    /** The same event, carrying {@code stored} as its message (as read back by a receiving node). */
    public ChatEvent with(Message stored) {
        return new ChatEvent(kind, chat, messageId, stored, member);
    }
}
