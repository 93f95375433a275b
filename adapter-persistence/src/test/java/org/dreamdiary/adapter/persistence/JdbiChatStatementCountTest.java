package org.dreamdiary.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dreamdiary.adapter.persistence.ChatFixture.T0;

import java.sql.DriverManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.dreamdiary.application.chat.ChatEvent;
import org.dreamdiary.application.chat.ChatOverview;
import org.dreamdiary.application.chat.ChatQuery;
import org.dreamdiary.application.chat.ChatView;
import org.dreamdiary.application.chat.MessageCursor;
import org.dreamdiary.application.chat.MessageSlice;
import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.port.out.chat.Chats.Slot;
import org.dreamdiary.domain.chat.Chat;
import org.dreamdiary.domain.chat.Message;
import org.dreamdiary.domain.chat.MessageId;
import org.dreamdiary.domain.chat.MessageText;
import org.dreamdiary.domain.user.UserId;
import org.dreamdiary.persistence.contract.TestChats;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No statement per item and none per message of the chat: a chat of 100,000 messages is read with its latest page
 * in one statement, any page of messages in one, a post in three, and a page of chats in two however long.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbiChatStatementCountTest {
    private static final int MESSAGES = 100_000;
    private static final int CHATS = 150;

    private final StatementCounter sent = new StatementCounter();
    private ChatFixture data;
    private JdbiChats chats;
    private JdbiMessages messages;
    private JdbiTransactions transactions;
    private PostgresChatEvents events;
    private UserId owner;
    private UserId member;
    private Chat busy;
    private MessageId middle;

    @BeforeAll
    void fill() {
        data = ChatFixture.onFreshSchema();
        owner = data.user();
        member = data.user();
        busy = data.chat(owner, "Busy", member);
        long started = System.nanoTime();
        data.jdbi.useHandle(handle -> {
            handle.createUpdate("INSERT INTO messages (id, chat_id, author_id, text, created_at, version)"
                            + " SELECT lpad(to_hex(i), 32, '0')::uuid, :chat, CASE WHEN i % 2 = 0 THEN :owner ELSE :member END,"
                            + " 'Message ' || i, timestamptz '2026-01-01 00:00:00Z' + i * interval '1 minute', 1"
                            + " FROM generate_series(1, :rows) AS i")
                    .bind("chat", busy.id().value()).bind("owner", owner.value()).bind("member", member.value())
                    .bind("rows", MESSAGES).execute();
            handle.createUpdate("UPDATE chats SET message_count = :rows, last_message_at = timestamptz '2026-01-01 00:00:00Z'"
                            + " + :rows * interval '1 minute', last_message_id = lpad(to_hex(:rows), 32, '0')::uuid WHERE id = :chat")
                    .bind("chat", busy.id().value()).bind("rows", MESSAGES).execute();
            // the member belongs to CHATS chats more, owned by the owner
            handle.createUpdate("INSERT INTO chats (id, owner_id, title, created_at, updated_at, version)"
                            + " SELECT gen_random_uuid(), :owner, 'Chat ' || i, now() - i * interval '1 hour', now(), 1"
                            + " FROM generate_series(1, :chats) AS i")
                    .bind("owner", owner.value()).bind("chats", CHATS).execute();
            handle.createUpdate("INSERT INTO chat_members (chat_id, user_id, joined_at) SELECT c.id, u.id, c.created_at"
                            + " FROM chats c CROSS JOIN unnest(ARRAY[:owner, :member]) AS u(id) WHERE c.id <> :busy")
                    .bind("owner", owner.value()).bind("member", member.value()).bind("busy", busy.id().value()).execute();
            handle.execute("VACUUM ANALYZE chats, chat_members, messages");
        });
        System.out.printf("JdbiChatStatementCountTest: filled and vacuumed in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        middle = new MessageId(new UUID(0, MESSAGES / 2));
        var watched = data.watchedBy(sent);
        chats = new JdbiChats(watched);
        messages = new JdbiMessages(watched);
        transactions = new JdbiTransactions(watched);
        // publishing does not need the listener; it is never started here
        events = new PostgresChatEvents(watched, messages,
                () -> DriverManager.getConnection(data.schema.jdbcUrl(), data.schema.user(), data.schema.password()));
    }

    @Test
    void givenAChatOfOneHundredThousandMessages_whenReadWithItsLatestTwenty_thenOneStatement() {
        ChatOverview overview = counted(1, () -> chats.overview(member, busy.id(), 20)).orElseThrow();

        assertThat(overview.chat().messageCount()).isEqualTo(MESSAGES);
        assertThat(overview.latest()).hasSize(20);
        assertThat(overview.latest().get(0).text().value()).isEqualTo("Message " + MESSAGES);
    }

    @ParameterizedTest(name = "limit {0}")
    @ValueSource(ints = {1, 100})
    void givenAChatOfOneHundredThousandMessages_whenAnyPageIsRead_thenOneStatementWhateverItsLength(int limit) {
        MessageSlice latest = counted(1, () -> messages.slice(member, busy.id(), MessageCursor.latest(limit)));
        MessageSlice before = counted(1, () -> messages.slice(member, busy.id(), MessageCursor.before(middle, limit)));
        MessageSlice after = counted(1, () -> messages.slice(member, busy.id(), MessageCursor.after(middle, limit)));

        assertThat(latest.items()).hasSize(limit);
        assertThat(before.items()).hasSize(limit);
        assertThat(before.items().get(0).text().value()).isEqualTo("Message " + (MESSAGES / 2 - 1));
        assertThat(after.items()).hasSize(limit);
        assertThat(after.items().get(0).text().value()).isEqualTo("Message " + (MESSAGES / 2 + 1));
        assertThat(List.of(latest.more(), before.more(), after.more())).containsOnly(true);
    }

    @Test
    void givenAChat_whenAMessageIsPostedAndPublished_thenThreeStatements() {
        // the owner's alone, so that the member's list keeps its length
        Chat quiet = data.chat(owner, "Quiet");

        Message posted = counted(3, () -> transactions.inTransaction(() -> {
            Slot slot = chats.reserveMessage(owner, quiet.id()).orElseThrow();
            Message message = Message.post(new MessageId(TestChats.following(slot.highestGiven(), UUID.randomUUID())),
                    quiet.id(), owner, new MessageText("Counted"), T0);
            messages.add(message);
            events.publish(ChatEvent.created(message));
            return message;
        }));

        assertThat(data.chats.asMember(owner, quiet.id())).contains(new ChatView(quiet, 1, 1, posted.createdAt()));
    }

    @ParameterizedTest(name = "per_page {0}")
    @ValueSource(ints = {1, 100})
    void givenManyChats_whenAPageIsListed_thenTwoStatementsWhateverItsSize(int perPage) {
        Page<ChatView> page = counted(2, () -> chats.list(member, ChatQuery.all(), new PageRequest(1, perPage)));
        Page<ChatView> searched = counted(2, () -> chats.list(member, new ChatQuery(Optional.of("chat 1"), false),
                new PageRequest(1, perPage)));

        assertThat(page.items()).hasSize(perPage).allSatisfy(view -> assertThat(view.memberCount()).isEqualTo(2));
        assertThat(page.totalItems()).isEqualTo(CHATS + 1);
        // Chat 1, Chat 10 to 19, Chat 100 to 150
        assertThat(searched.totalItems()).isEqualTo(1 + 10 + 51);
        assertThat(searched.items()).hasSize(Math.min(perPage, 62));
    }

    /** Runs {@code call}, checks that it sent exactly {@code statements} statements, and returns its result. */
    private <T> T counted(int statements, Supplier<T> call) {
        sent.reset();
        T result = call.get();
        assertThat(sent.statements()).as("statements sent").hasSize(statements);
        return result;
    }
}
