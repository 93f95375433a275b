package org.dreamdiary.application.port.out.chat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.dreamdiary.application.chat.ChatOverview;
import org.dreamdiary.application.chat.ChatQuery;
import org.dreamdiary.application.chat.ChatView;
import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.domain.chat.Chat;
import org.dreamdiary.domain.chat.ChatId;
import org.dreamdiary.domain.chat.MessageId;
import org.dreamdiary.domain.user.User;
import org.dreamdiary.domain.user.UserId;

/** Storage of chats and their members. Every read is made as a given user and sees only chats it is a member of. */
public interface Chats {
    /** Stores a new chat with its owner and {@code members} as members, joined at {@code now}. */
    void add(Chat chat, List<UserId> members, Instant now);

    /** The chat, when {@code caller} is one of its members. */
    Optional<ChatView> asMember(UserId caller, ChatId chat);

    /**
     * The chat, as {@link #asMember} sees it, with its latest {@code limit} messages newest first, in one read: a
     * consistent picture without a transaction. Empty when {@code caller} is not a member.
     */
    Optional<ChatOverview> overview(UserId caller, ChatId chat, int limit);

    Page<ChatView> list(UserId caller, ChatQuery query, PageRequest page);

    /** @throws org.dreamdiary.domain.error.StaleVersionException when it changed since {@code changed.version() - 1} */
    void update(Chat changed);

    /**
     * Deletes the chat, its memberships and messages, when {@code owner} owns it.
     * Only at {@code expectedVersion} when one is given (empty: at any version); false when nothing was deleted.
     */
    boolean delete(UserId owner, ChatId chat, OptionalLong expectedVersion);

    /** The members in joining order; an empty page with no total when {@code caller} is not a member. */
    Page<User> members(UserId caller, ChatId chat, PageRequest page);

    /** @return false when {@code member} already is one */
    boolean addMember(ChatId chat, UserId member, Instant now);

    /** @return false when {@code member} is not one */
    boolean removeMember(ChatId chat, UserId member);

    /**
     * Locks the chat for one more message by {@code caller} until the transaction ends, so that posts to one chat
     * are stored one after the other. Empty when the caller is not a member.
     */
    Optional<Slot> reserveMessage(UserId caller, ChatId chat);

    /**
     * Locks the chat, as {@link #reserveMessage} does, for messages by several {@code posters} at once, and tells
     * which of them are members. Empty when none is (the chat is then not locked).
     */
    Optional<Slots> reserveMessages(ChatId chat, Set<UserId> posters);

    /** The highest message id the chat ever gave out, or null for a chat that never had a message. */
    record Slot(MessageId highestGiven) {
    }

    /** The chat's {@link Slot}, and those of the posters asked about who are its members. */
    record Slots(MessageId highestGiven, Set<UserId> members) {
        public Slots {
            members = Set.copyOf(members);
        }
    }
}
