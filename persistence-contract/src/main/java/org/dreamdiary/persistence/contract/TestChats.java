package org.dreamdiary.persistence.contract;

import static org.dreamdiary.persistence.contract.TestUsers.aUser;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.dreamdiary.application.chat.MessageCursor;
import org.dreamdiary.application.chat.MessageSlice;
import org.dreamdiary.application.port.out.Storage;
import org.dreamdiary.application.port.out.chat.Chats.Slot;
import org.dreamdiary.application.port.out.chat.Chats.Slots;
import org.dreamdiary.domain.chat.Chat;
import org.dreamdiary.domain.chat.ChatId;
import org.dreamdiary.domain.chat.ChatTitle;
import org.dreamdiary.domain.chat.Message;
import org.dreamdiary.domain.chat.MessageId;
import org.dreamdiary.domain.chat.MessageText;
import org.dreamdiary.domain.user.User;
import org.dreamdiary.domain.user.UserId;

/**
 * Accounts, chats and messages written through the ports of one store, as the service writes them. A message is
 * posted as the service posts one: in one transaction the chat is reserved, an id greater than every id the chat
 * gave out is taken, and the message is added. Timestamps are whole microseconds, as PostgreSQL keeps them.
 */
public final class TestChats {
    public static final Instant T0 = Instant.parse("2026-11-01T08:00:00.123456Z");

    /** The milliseconds of the next id: one per id, so that ids taken one after the other grow. */
    private static final AtomicLong NEXT_MILLIS = new AtomicLong(System.currentTimeMillis());

    private final Storage storage;

    public TestChats(Storage storage) {
        this.storage = storage;
    }

    public UserId user() {
        return user(UUID.randomUUID());
    }

    public UserId user(UUID id) {
        User user = aUser().withId(id).build();
        storage.users().add(user);
        return user.id();
    }

    public Chat chat(UserId owner, String title, UserId... members) {
        return chat(owner, title, T0, members);
    }

    public Chat chat(UserId owner, String title, Instant createdAt, UserId... members) {
        return chat(new ChatId(UUID.randomUUID()), owner, title, createdAt, members);
    }

    public Chat chat(ChatId id, UserId owner, String title, Instant createdAt, UserId... members) {
        Chat chat = Chat.create(id, owner, new ChatTitle(title), createdAt);
        storage.chats().add(chat, List.of(members), createdAt);
        return chat;
    }

    /** Posts as the service does, in one transaction; returns what was stored. */
    public Message post(UserId author, ChatId chat, String text, Instant at) {
        return storage.transactions().inTransaction(() -> post(author, chat, text, at, freshId()));
    }

    /**
     * Posts with {@code fresh} as the new id unless the chat gave out a greater one already, as a node whose clock is
     * behind would, in the caller's transaction or one of its own.
     */
    public Message post(UserId author, ChatId chat, String text, Instant at, UUID fresh) {
        return storage.transactions().inTransaction(() -> {
            Slot slot = storage.chats().reserveMessage(author, chat)
                    .orElseThrow(() -> new IllegalStateException("not a member"));
            Message message = Message.post(new MessageId(following(slot.highestGiven(), fresh)), chat, author,
                    new MessageText(text), at);
            storage.messages().add(message);
            return message;
        });
    }

    /** {@code count} messages by {@code author}, one second apart from {@code first}, texts {@code "#1"}, {@code "#2"}… */
    public List<Message> posts(UserId author, ChatId chat, int count, Instant first) {
        List<Message> posted = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            posted.add(post(author, chat, "#" + i, first.plusSeconds(i - 1)));
        }
        return posted;
    }

    /**
     * Posts several messages as the service posts a batch, in one transaction: the chat reserved once for all the
     * authors, then a message for each author who is a member, in order, texts {@code "together #1"}, … by
     * position, stored with one call; returns what was stored.
     */
    public List<Message> postTogether(ChatId chat, List<UserId> authors, Instant at) {
        return storage.transactions().inTransaction(() -> {
            Optional<Slots> slots = storage.chats().reserveMessages(chat, Set.copyOf(authors));
            MessageId highest = slots.map(Slots::highestGiven).orElse(null);
            List<Message> stored = new ArrayList<>();
            for (int i = 0; i < authors.size(); i++) {
                if (slots.isPresent() && slots.get().members().contains(authors.get(i))) {
                    Message message = Message.post(new MessageId(following(highest, freshId())), chat,
                            authors.get(i), new MessageText("together #" + (i + 1)), at);
                    highest = message.id();
                    stored.add(message);
                }
            }
            if (!stored.isEmpty()) {
                storage.messages().addAll(stored);
            }
            return stored;
        });
    }

    /** Every message of the chat that {@code caller} sees, newest first, read back a page at a time. */
    public List<Message> all(UserId caller, ChatId chat) {
        List<Message> seen = new ArrayList<>();
        MessageSlice page = storage.messages().slice(caller, chat, MessageCursor.latest(MessageCursor.MAX_LIMIT));
        seen.addAll(page.items());
        while (page.next().isPresent()) {
            page = storage.messages().slice(caller, chat, page.next().orElseThrow());
            seen.addAll(page.items());
        }
        return seen;
    }

    /** A new id shaped like a UUIDv7, greater than every one taken before in this process. */
    public static UUID freshId() {
        long random = ThreadLocalRandom.current().nextLong();
        return new UUID(NEXT_MILLIS.incrementAndGet() << 16 | 0x7000L, random & 0x3FFF_FFFF_FFFF_FFFFL | Long.MIN_VALUE);
    }

    /**
     * An id greater than {@code highestGiven}: {@code fresh} when it is, else the one right after, as the service
     * makes them; uuids compare as unsigned bytes.
     */
    public static UUID following(MessageId highestGiven, UUID fresh) {
        if (highestGiven == null || compareUnsigned(fresh, highestGiven.value()) > 0) {
            return fresh;
        }
        UUID highest = highestGiven.value();
        return new UUID(highest.getMostSignificantBits(), highest.getLeastSignificantBits() + 1);
    }

    static int compareUnsigned(UUID left, UUID right) {
        int high = Long.compareUnsigned(left.getMostSignificantBits(), right.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(left.getLeastSignificantBits(), right.getLeastSignificantBits());
    }
}
