package org.dreamdiary.adapter.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.dreamdiary.domain.chat.Chat;
import org.dreamdiary.domain.chat.ChatId;
import org.dreamdiary.domain.chat.Message;
import org.dreamdiary.domain.user.UserId;
import org.dreamdiary.persistence.contract.TestChats;
import org.dreamdiary.testsupport.TestSchema;
import org.jdbi.v3.core.Jdbi;

/**
 * Users, chats and messages on a migrated schema, written as the kit's {@link TestChats} writes them, for the tests
 * that look at the database itself (plans, statement counts, notifications) through the adapters and the tables.
 */
final class ChatFixture {
    static final Instant T0 = TestChats.T0;

    final TestSchema schema;
    final Jdbi jdbi;
    final JdbiUsers users;
    final JdbiChats chats;
    final JdbiMessages messages;
    final JdbiTransactions transactions;
    private final TestChats written;

    ChatFixture(TestSchema schema) {
        this.schema = schema;
        this.jdbi = Jdbi.create(new ReusedConnections(schema));
        users = new JdbiUsers(jdbi);
        chats = new JdbiChats(jdbi);
        messages = new JdbiMessages(jdbi);
        transactions = new JdbiTransactions(jdbi);
        written = new TestChats(PostgresStorage.open(jdbi, schema::connect, Optional.empty()));
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
        return written.user();
    }

    Chat chat(UserId owner, String title, UserId... members) {
        return written.chat(owner, title, members);
    }

    Chat chat(UserId owner, String title, Instant createdAt, UserId... members) {
        return written.chat(owner, title, createdAt, members);
    }

    /** Posts as the service does, in one transaction; returns what was stored. */
    Message post(UserId author, ChatId chat, String text, Instant at) {
        return written.post(author, chat, text, at);
    }

    /** {@code count} messages by {@code author}, one second apart from {@code first}, texts {@code "#1"}, {@code "#2"}… */
    List<Message> posts(UserId author, ChatId chat, int count, Instant first) {
        return written.posts(author, chat, count, first);
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
