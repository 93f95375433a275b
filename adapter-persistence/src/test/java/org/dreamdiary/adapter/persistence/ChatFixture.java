package org.dreamdiary.adapter.persistence;

import static org.dreamdiary.persistence.contract.TestUsers.aUser;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.dreamdiary.application.port.out.chat.Chats.Slot;
import org.dreamdiary.domain.chat.Chat;
import org.dreamdiary.domain.chat.ChatId;
import org.dreamdiary.domain.chat.ChatTitle;
import org.dreamdiary.domain.chat.Message;
import org.dreamdiary.domain.chat.MessageId;
import org.dreamdiary.domain.chat.MessageText;
import org.dreamdiary.domain.user.User;
import org.dreamdiary.domain.user.UserId;
import org.dreamdiary.testsupport.TestSchema;
import org.jdbi.v3.core.Jdbi;

/**
 * Users, chats and messages written through the adapters themselves, on a migrated schema, with timestamps in
 * microseconds as PostgreSQL keeps them. A message is posted the way the service posts one: in one transaction,
 * the chat is reserved, an id greater than every id the chat gave out is taken, and the message is added.
 */
final class ChatFixture {
    static final Instant T0 = Instant.parse("2026-11-01T08:00:00.123456Z");

    final TestSchema schema;
    final Jdbi jdbi;
    final JdbiUsers users;
    final JdbiChats chats;
    final JdbiMessages messages;
    final JdbiTransactions transactions;
    private final TimeOrderedIds ids = new TimeOrderedIds();

    ChatFixture(TestSchema schema) {
        this.schema = schema;
        this.jdbi = Jdbi.create(new ReusedConnections(schema));
        users = new JdbiUsers(jdbi);
        chats = new JdbiChats(jdbi);
        messages = new JdbiMessages(jdbi);
        transactions = new JdbiTransactions(jdbi);
    }

    static ChatFixture onFreshSchema() {
        return new ChatFixture(MigratedSchema.create());
    }

    /** Another {@link Jdbi} on the same schema whose every statement {@code sent} records. */
    Jdbi watchedBy(StatementCounter sent) {
        Jdbi watched = Jdbi.create(new ReusedConnections(schema));
        watched.setSqlLogger(sent);
        return watched;
    }

    UserId user() {
        User user = aUser().build();
        users.add(user);
        return user.id();
    }

    Chat chat(UserId owner, String title, UserId... members) {
        return chat(owner, title, T0, members);
    }

    Chat chat(UserId owner, String title, Instant createdAt, UserId... members) {
        Chat chat = Chat.create(new ChatId(UUID.randomUUID()), owner, new ChatTitle(title), createdAt);
        chats.add(chat, List.of(members), createdAt);
        return chat;
    }

    /** Posts as the service does, in one transaction; returns what was stored. */
    Message post(UserId author, ChatId chat, String text, Instant at) {
        return transactions.inTransaction(() -> {
            Slot slot = chats.reserveMessage(author, chat).orElseThrow(() -> new IllegalStateException("not a member"));
            Message message = Message.post(new MessageId(following(slot.highestGiven(), ids.next())), chat, author,
                    new MessageText(text), at);
            messages.add(message);
            return message;
        });
    }

    /** {@code count} messages by {@code author}, one second apart from {@code first}, texts {@code "#1"}, {@code "#2"}… */
    List<Message> posts(UserId author, ChatId chat, int count, Instant first) {
        List<Message> posted = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            posted.add(post(author, chat, "#" + i, first.plusSeconds(i - 1)));
        }
        return posted;
    }

    /**
     * An id greater than {@code highestGiven}: {@code fresh} when it is, else the one right after; PostgreSQL
     * compares uuids as unsigned bytes. What the service does, reproduced because its code is not visible here.
     */
    static UUID following(MessageId highestGiven, UUID fresh) {
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

    /** A number read straight from the tables, for checks that should not trust the adapter under test. */
    long count(String sql, Object... arguments) {
        return jdbi.withHandle(handle -> {
            var query = handle.createQuery(sql);
            for (int i = 0; i < arguments.length; i++) {
                query.bind(i, arguments[i]);
            }
            return query.mapTo(Long.class).one();
        });
    }
}
