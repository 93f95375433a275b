package org.dreamdiary.adapter.memory;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.dreamdiary.application.chat.ChatView;
import org.dreamdiary.domain.chat.Chat;
import org.dreamdiary.domain.chat.ChatId;
import org.dreamdiary.domain.chat.Message;
import org.dreamdiary.domain.chat.MessageId;
import org.dreamdiary.domain.user.UserId;

/**
 * The chats, their memberships and their messages, which {@link MemoryChats} and {@link MemoryMessages} share as the
 * real adapters share their tables: a chat keeps its message count, the time of its latest message and the highest
 * message id it ever gave out; deleting a chat deletes its memberships and messages, and deleting an account its
 * chats and memberships, leaving its messages elsewhere without an author. Used only inside
 * {@link MemoryTransactions#atomically}.
 */
final class ChatTables {
    /** Messages in id order, which is the order their posts committed. */
    static final Comparator<Message> BY_ID = Comparator.comparing(message -> message.id().value(), Uuids.ORDER);

    /** A chat, with what its messages keep up to date. */
    record ChatRow(Chat chat, long messageCount, Instant lastMessageAt, MessageId lastMessageId) {
        ChatRow with(Chat changed) {
            return new ChatRow(changed, messageCount, lastMessageAt, lastMessageId);
        }

        /** {@code newest} was added: counted, and its id the highest given out. */
        ChatRow counted(Message newest) {
            return new ChatRow(chat, messageCount + 1, newest.createdAt(), newest.id());
        }

        /** A message went: uncounted; the highest id given out stays. */
        ChatRow uncounted(Instant newestLeft) {
            return new ChatRow(chat, messageCount - 1, newestLeft, lastMessageId);
        }
    }

    /** A user's membership of a chat. */
    record Membership(ChatId chat, UserId user, Instant joinedAt) {
        Key key() {
            return new Key(chat, user);
        }
    }

    record Key(ChatId chat, UserId user) {
    }

    final Table<ChatId, ChatRow> chats;
    final Table<Key, Membership> members;
    final Table<MessageId, Message> messages;

    ChatTables(MemoryTransactions transactions) {
        chats = new Table<>(transactions);
        members = new Table<>(transactions);
        messages = new Table<>(transactions);
    }

    boolean isMember(UserId user, ChatId chat) {
        return members.contains(new Key(chat, user));
    }

    /** The chat, when {@code caller} is one of its members. */
    Optional<ChatRow> asMember(UserId caller, ChatId chat) {
        return isMember(caller, chat) ? chats.get(chat) : Optional.empty();
    }

    ChatView view(ChatRow row) {
        return new ChatView(row.chat(), membershipsOf(row.chat().id()).size(), row.messageCount(), row.lastMessageAt());
    }

    List<Membership> membershipsOf(ChatId chat) {
        return members.rows().stream().filter(membership -> membership.chat().equals(chat)).toList();
    }

    /** The chat's messages, oldest (lowest id) first. */
    List<Message> messagesOf(ChatId chat) {
        return messages.rows().stream().filter(message -> message.chat().equals(chat)).sorted(BY_ID).toList();
    }

    /** Deletes the chat with its memberships and messages. */
    void deleteChat(ChatId chat) {
        chats.remove(chat);
        membershipsOf(chat).forEach(membership -> members.remove(membership.key()));
        messagesOf(chat).forEach(message -> messages.remove(message.id()));
    }

    /** The account is gone: its chats go, it leaves every other, and its messages elsewhere lose their author. */
    void accountDeleted(UserId user) {
        chats.rows().stream().filter(row -> row.chat().owner().equals(user)).map(row -> row.chat().id()).toList()
                .forEach(this::deleteChat);
        members.rows().stream().filter(membership -> membership.user().equals(user)).map(Membership::key).toList()
                .forEach(members::remove);
        messages.rows().stream().filter(message -> Objects.equals(message.author(), user)).toList()
                .forEach(message -> messages.put(message.id(), new Message(message.id(), message.chat(), null,
                        message.text(), message.createdAt(), message.editedAt(), message.version())));
    }
}
