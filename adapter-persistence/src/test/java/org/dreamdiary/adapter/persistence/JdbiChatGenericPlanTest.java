package org.dreamdiary.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dreamdiary.application.chat.MessageCursor;
import org.dreamdiary.domain.chat.Chat;
import org.dreamdiary.domain.chat.ChatId;
import org.dreamdiary.domain.user.UserId;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A statement run often gets a generic plan, made without its parameters' values: the driver prepares it on the
 * server after a few runs, and PostgreSQL may then stop planning per value. With few chats, a generic plan expects
 * any chat to hold a large share of the messages, so walking the primary key from the newest looks cheap; for a chat
 * whose messages are all older than another's many, that walk reads the other chat's messages first. Here an old
 * chat of 1,000 messages sits below a busy one of 80,000 (the layout of the speed benchmark once it has posted), and
 * the latest page of the old chat must still come from its own entries of {@code messages_chat_id}. And the
 * generic plan must be kept: with a bound row limit it looked costlier than plans made for the values, and the
 * chat's read was planned anew at every run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbiChatGenericPlanTest {
    private static final int OLD_MESSAGES = 1_000;
    private static final int BUSY_MESSAGES = 80_000;
    private static final int LIMIT = 20;
    private static final String OWN_ENTRIES_BACKWARD = "Index Scan Backward using messages_chat_id on messages";

    private final StatementCounter sent = new StatementCounter();
    private Jdbi jdbi;
    private JdbiMessages messages;
    private JdbiChats chats;
    private UserId member;
    private ChatId old;

    @BeforeAll
    void fillTheTables() {
        ChatFixture data = ChatFixture.onFreshSchema();
        jdbi = data.jdbi;
        UserId owner = data.user();
        member = data.user();
        old = data.chat(owner, "Old", member).id();
        Chat busy = data.chat(owner, "Busy", member);
        jdbi.useHandle(handle -> {
            // ids grow with time, as the service's do: every message of the old chat precedes the busy chat's
            handle.createUpdate("INSERT INTO messages (id, chat_id, author_id, text, created_at, version)"
                            + " SELECT lpad(to_hex(i), 32, '0')::uuid, CASE WHEN i <= :old THEN :oldChat ELSE :busyChat END,"
                            + " :owner, 'Message ' || i, now(), 1 FROM generate_series(1, :rows) AS i")
                    .bind("old", OLD_MESSAGES).bind("oldChat", old.value()).bind("busyChat", busy.id().value())
                    .bind("owner", owner.value()).bind("rows", OLD_MESSAGES + BUSY_MESSAGES).execute();
            handle.execute("VACUUM ANALYZE chats, chat_members, messages");
        });
        messages = new JdbiMessages(data.watchedBy(sent));
        chats = new JdbiChats(data.watchedBy(sent));
    }

    @Test
    void givenAnOldChatBelowABusyOne_whenReadWithItsLatestTwentyByAGenericPlan_thenItsOwnEntriesAreWalked() {
        String statement = sent.onlyStatementOf(() -> assertThat(chats.overview(member, old, LIMIT).orElseThrow().latest())
                .hasSize(LIMIT).first().satisfies(message -> assertThat(message.text().value())
                        .isEqualTo("Message " + OLD_MESSAGES)));

        assertThat(genericPlan(statement)).contains(OWN_ENTRIES_BACKWARD).doesNotContain("messages_pkey")
                .doesNotContain("Seq Scan on messages");
    }

    @Test
    void givenAnOldChatBelowABusyOne_whenItsLatestTwentyAreReadByAGenericPlan_thenItsOwnEntriesAreWalked() {
        String statement = sent.onlyStatementOf(() -> assertThat(messages.slice(member, old, MessageCursor.latest(LIMIT)).items())
                .hasSize(LIMIT).first().satisfies(message -> assertThat(message.text().value())
                        .isEqualTo("Message " + OLD_MESSAGES)));

        assertThat(genericPlan(statement)).contains(OWN_ENTRIES_BACKWARD).doesNotContain("messages_pkey")
                .doesNotContain("Seq Scan on messages");
    }

    @Test
    void givenAnOldChatBelowABusyOne_whenItIsReadAgainAndAgain_thenPostgreSQLKeepsAGenericPlan() {
        // on one connection, as a pooled one runs them: the driver prepares a statement on its fifth run, and
        // PostgreSQL weighs a generic plan after five more
        Map<String, List<Long>> plans;
        try (Handle pooled = jdbi.open()) {
            Jdbi oneConnection = Jdbi.create(pooled.getConnection());
            JdbiChats onThatConnection = new JdbiChats(oneConnection);
            for (int run = 0; run < 15; run++) {
                assertThat(onThatConnection.overview(member, old, LIMIT).orElseThrow().latest()).hasSize(LIMIT);
            }
            plans = oneConnection.withHandle(handle -> handle.createQuery("SELECT statement, generic_plans, custom_plans"
                            + " FROM pg_prepared_statements WHERE statement LIKE 'WITH chat AS MATERIALIZED%'")
                    .reduceRows(new HashMap<>(), (found, row) -> {
                        found.put(row.getColumn("statement", String.class),
                                List.of(row.getColumn("generic_plans", Long.class), row.getColumn("custom_plans", Long.class)));
                        return found;
                    }));
        }

        assertThat(plans).hasSize(1).allSatisfy((statement, counts) -> {
            assertThat(counts.get(0)).as("generic plans of %s", statement).isGreaterThanOrEqualTo(5);
            assertThat(counts.get(1)).as("custom plans of %s", statement).isLessThanOrEqualTo(5);
        });
    }

    /** The generic plan of {@code statement}, a read of the old chat's latest page, printed to stdout. */
    private String genericPlan(String statement) {
        // the overview has its limit written in; the slice binds it
        boolean boundLimit = statement.contains(":limit");
        String prepared = statement.replace(":chat", "$1").replace(":caller", "$2").replace(":limit", "$3");
        String plan = jdbi.withHandle(handle -> {
            handle.execute("SET plan_cache_mode = force_generic_plan");
            handle.execute("PREPARE latest (uuid, uuid" + (boundLimit ? ", int" : "") + ") AS " + prepared);
            try {
                return String.join("\n", handle.createQuery("EXPLAIN EXECUTE latest('" + old.value() + "', '"
                        + member.value() + "'" + (boundLimit ? ", " + (LIMIT + 1) : "") + ")").mapTo(String.class).list());
            } finally {
                handle.execute("DEALLOCATE latest");
                handle.execute("RESET plan_cache_mode");
            }
        });
        System.out.println("EXPLAIN (generic) " + statement + "\n" + plan + "\n");
        return plan;
    }
}
