package org.dreamdiary.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.dreamdiary.application.chat.ChatStats;
import org.dreamdiary.application.chat.MessageCursor;
import org.dreamdiary.domain.chat.Chat;
import org.dreamdiary.domain.chat.ChatId;
import org.dreamdiary.domain.chat.MessageId;
import org.dreamdiary.domain.user.UserId;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The plans PostgreSQL picks for the message statements the adapter really sends, on a chat of 100,000 messages
 * among 125,000: every page of a chat walks an index in the order asked (backwards for newest first) and stops
 * after the page, with no sort; a small chat among them is read through its own entries of {@code messages_chat_id}, and
 * so is any chat read together with its latest page; statistics over a date range read {@code messages_chat_created}.
 * The plans are printed for review.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbiChatPlanTest {
    private static final int MESSAGES = 100_000;
    private static final int OTHER_CHATS = 25;
    private static final int MESSAGES_PER_OTHER_CHAT = 1_000;
    private static final int LIMIT = 20;
    private static final Instant FIRST = Instant.parse("2026-01-01T00:00:00Z");
    /**
     * For a chat holding most of the table, walking the primary key (ordered by id as well) and skipping the few
     * other rows costs about the same as walking the chat's entries, and PostgreSQL may pick either: both read
     * only the page in order, with no sort.
     */
    private static final String WALKS_THE_CHAT_BACKWARD = "Index Scan Backward using messages_(chat_id|pkey) on messages";

    /**
     * The chat read with its latest messages: a Limit right over a backward scan of the chat's own entries of
     * {@code messages_chat_id}, so it reads the page and stops; the sort above it orders only that page.
     */
    private static final String LATEST_OF_THE_CHAT_ONLY = "Limit .*\\n\\s*->  Index Scan Backward using messages_chat_id on messages";

    private final StatementCounter sent = new StatementCounter();
    private Jdbi jdbi;
    private JdbiMessages messages;
    private JdbiChats chats;
    private UserId member;
    private Chat busy;
    private ChatId small;

    @BeforeAll
    void fillTheTables() {
        ChatFixture data = ChatFixture.onFreshSchema();
        jdbi = data.jdbi;
        UserId owner = data.user();
        member = data.user();
        busy = data.chat(owner, "Busy", member);
        List<UUID> others = IntStream.range(0, OTHER_CHATS)
                .mapToObj(i -> data.chat(owner, "Other " + i, member).id().value()).toList();
        small = new ChatId(others.get(0));
        long started = System.nanoTime();
        jdbi.useHandle(handle -> {
            // the busy chat's messages take the even numbers, the others' the odd ones in between: ids of one chat
            // are interleaved with other chats' ids, as they are when many chats are written at once
            handle.createUpdate("INSERT INTO messages (id, chat_id, author_id, text, created_at, version)"
                            + " SELECT lpad(to_hex(2 * i), 32, '0')::uuid, :chat, CASE WHEN i % 3 = 0 THEN :owner ELSE :member END,"
                            + " 'Message ' || i, CAST(:first AS timestamptz) + i * interval '1 minute', 1 FROM generate_series(1, :rows) AS i")
                    .bind("chat", busy.id().value()).bind("owner", owner.value()).bind("member", member.value())
                    .bind("first", FIRST).bind("rows", MESSAGES).execute();
            handle.createUpdate("INSERT INTO messages (id, chat_id, author_id, text, created_at, version)"
                            + " SELECT lpad(to_hex(2 * i + 1), 32, '0')::uuid, (:others)[1 + i % cardinality(:others)], :owner,"
                            + " 'Other ' || i, CAST(:first AS timestamptz) + i * interval '1 minute', 1"
                            + " FROM generate_series(1, :rows) AS i")
                    .bindArray("others", UUID.class, others).bind("owner", owner.value()).bind("first", FIRST)
                    .bind("rows", OTHER_CHATS * MESSAGES_PER_OTHER_CHAT).execute();
            handle.execute("VACUUM ANALYZE chats, chat_members, messages");
        });
        System.out.printf("JdbiChatPlanTest: filled and vacuumed in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        messages = new JdbiMessages(data.watchedBy(sent));
        chats = new JdbiChats(data.watchedBy(sent));
    }

    @Test
    void givenTheBulkData_whenCounted_thenTheTablesHoldWhatTheTestSays() {
        assertThat(count("SELECT count(*) FROM messages")).isEqualTo(MESSAGES + OTHER_CHATS * MESSAGES_PER_OTHER_CHAT);
        assertThat(count("SELECT count(*) FROM messages WHERE chat_id = '" + busy.id().value() + "'")).isEqualTo(MESSAGES);
    }

    @Test
    void givenOneHundredThousandMessages_whenTheLatestTwentyAreRead_thenABackwardScanOfMessagesChatIdWithoutSort() {
        String statement = sent.onlyStatementOf(() -> assertThat(messages.slice(member, busy.id(), MessageCursor.latest(LIMIT)).items())
                .hasSize(LIMIT).first().satisfies(message -> assertThat(message.text().value()).isEqualTo("Message " + MESSAGES)));

        assertThat(explain(statement, Map.of())).containsPattern(WALKS_THE_CHAT_BACKWARD)
                .doesNotContain("Sort").doesNotContain("Seq Scan on messages");
    }

    @Test
    void givenASmallChatAmongManyMessages_whenItsLatestTwentyAreRead_thenItsOwnEntriesOfMessagesChatIdAreWalked() {
        String statement = sent.onlyStatementOf(() -> assertThat(messages.slice(member, small, MessageCursor.latest(LIMIT)).items())
                .hasSize(LIMIT));

        assertThat(explain(statement, small, Map.of())).contains("Index Scan Backward using messages_chat_id on messages")
                .doesNotContain("Sort").doesNotContain("Seq Scan on messages");
    }

    @Test
    void givenOneHundredThousandMessages_whenTheChatIsReadWithItsLatestTwenty_thenTheBackwardScanOfItsOwnEntriesStopsAtTwenty() {
        String statement = sent.onlyStatementOf(() -> assertThat(chats.overview(member, busy.id(), LIMIT).orElseThrow().latest())
                .hasSize(LIMIT).first().satisfies(message -> assertThat(message.text().value()).isEqualTo("Message " + MESSAGES)));

        assertThat(explain(statement, Map.of())).containsPattern(LATEST_OF_THE_CHAT_ONLY)
                .doesNotContain("messages_pkey").doesNotContain("Seq Scan on messages");
    }

    @Test
    void givenASmallChatAmongManyMessages_whenReadWithItsLatestTwenty_thenItsOwnEntriesOfMessagesChatIdAreWalked() {
        String statement = sent.onlyStatementOf(() -> assertThat(chats.overview(member, small, LIMIT).orElseThrow().latest())
                .hasSize(LIMIT));

        assertThat(explain(statement, small, Map.of())).containsPattern(LATEST_OF_THE_CHAT_ONLY)
                .doesNotContain("messages_pkey").doesNotContain("Seq Scan on messages");
    }

    @Test
    void givenOneHundredThousandMessages_whenAPageBeforeOneInTheMiddleIsRead_thenABackwardScanOfMessagesChatIdWithoutSort() {
        MessageId middle = new MessageId(new UUID(0, MESSAGES));
        String statement = sent.onlyStatementOf(() -> assertThat(messages.slice(member, busy.id(), MessageCursor.before(middle, LIMIT))
                .items()).hasSize(LIMIT).first().satisfies(message -> assertThat(message.text().value())
                .isEqualTo("Message " + (MESSAGES / 2 - 1))));

        assertThat(explain(statement, Map.of("from", middle.value())))
                .containsPattern(WALKS_THE_CHAT_BACKWARD)
                .doesNotContain("Sort").doesNotContain("Seq Scan on messages");
    }

    @Test
    void givenOneHundredThousandMessages_whenAPageAfterOneInTheMiddleIsRead_thenAForwardScanOfMessagesChatIdWithoutSort() {
        MessageId middle = new MessageId(new UUID(0, MESSAGES));
        String statement = sent.onlyStatementOf(() -> assertThat(messages.slice(member, busy.id(), MessageCursor.after(middle, LIMIT))
                .items()).hasSize(LIMIT).first().satisfies(message -> assertThat(message.text().value())
                .isEqualTo("Message " + (MESSAGES / 2 + 1))));

        String plan = explain(statement, Map.of("from", middle.value()));
        assertThat(plan).containsPattern("Index Scan using messages_(chat_id|pkey) on messages")
                .doesNotContain("Backward").doesNotContain("Sort").doesNotContain("Seq Scan on messages");
    }

    @Test
    void givenOneHundredThousandMessages_whenAWeekIsCounted_thenMessagesChatCreatedIsRead() {
        LocalDate from = LocalDate.of(2026, 2, 1);
        LocalDate to = LocalDate.of(2026, 2, 7);
        String statement = sent.onlyStatementOf(() -> {
            ChatStats week = messages.stats(member, busy.id(), from, to);
            assertThat(week.messageCount()).isEqualTo(7 * 24 * 60);
            assertThat(week.perDay()).hasSize(7);
        });

        assertThat(explain(statement, Map.of("from", from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                "until", to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())))
                .contains("messages_chat_created").doesNotContain("Seq Scan on messages");
    }

    /** The plan of {@code statement}, bound as the adapter binds it for a member's page of 20, printed to stdout. */
    private String explain(String statement, Map<String, Object> params) {
        return explain(statement, busy.id(), params);
    }

    /** The plan of {@code statement} as sent for {@code chat}. */
    private String explain(String statement, ChatId chat, Map<String, Object> params) {
        String plan = jdbi.withHandle(handle -> {
            handle.getConfig(SqlStatements.class).setUnusedBindingAllowed(true);
            var query = handle.createQuery("EXPLAIN " + statement).bindMap(params).bind("chat", chat.value())
                    .bind("caller", member.value()).bind("limit", LIMIT + 1);
            return String.join("\n", query.mapTo(String.class).list());
        });
        System.out.println("EXPLAIN " + statement + "\n" + plan + "\n");
        return plan;
    }

    private long count(String sql) {
        return jdbi.withHandle(handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }
}
