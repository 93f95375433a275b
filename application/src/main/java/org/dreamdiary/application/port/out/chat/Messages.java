package org.dreamdiary.application.port.out.chat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.dreamdiary.application.chat.ChatStats;
import org.dreamdiary.application.chat.MessageCursor;
import org.dreamdiary.application.chat.MessageSlice;
import org.dreamdiary.domain.chat.ChatId;
import org.dreamdiary.domain.chat.Message;
import org.dreamdiary.domain.chat.MessageId;
import org.dreamdiary.domain.user.UserId;

/** Storage of messages. Every read is made as a given user and sees only the chats it is a member of. */
public interface Messages {
    /**
     * Stores a message whose slot was reserved with {@link Chats#reserveMessage} in this transaction, and counts
     * it as its chat's newest.
     */
    void add(Message message);

    /**
     * Stores messages of one chat whose slots were reserved with {@link Chats#reserveMessages} in this transaction,
     * given in the order of their ids, and counts them; the last is the chat's newest.
     */
    void addAll(List<Message> messages);

    /** The message with its chat's owner, when {@code caller} is a member of its chat. */
    Optional<Visible> byId(UserId caller, MessageId id);

    /** A page of the chat's messages; empty when {@code caller} is not a member. */
    MessageSlice slice(UserId caller, ChatId chat, MessageCursor cursor);

    /** @throws org.dreamdiary.domain.error.StaleVersionException when it changed since {@code changed.version() - 1} */
    void update(Message changed);

    /**
     * Deletes the message and uncounts it from its chat.
     * Only at {@code expectedVersion} when one is given (empty: at any version); false when nothing was deleted.
     */
    boolean delete(ChatId chat, MessageId id, OptionalLong expectedVersion);

    /** Counts over the days {@code from}–{@code to} (null: open end), when {@code caller} is a member. */
    ChatStats stats(UserId caller, ChatId chat, LocalDate from, LocalDate to);

    /** Messages written by {@code author} in any chat, oldest first, {@code limit} after {@code after} (null: from the start). */
    List<Message> byAuthor(UserId author, MessageId after, int limit);

    record Visible(Message message, UserId chatOwner) {
    }
}
