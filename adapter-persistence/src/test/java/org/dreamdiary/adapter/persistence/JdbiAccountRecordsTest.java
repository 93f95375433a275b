package org.dreamdiary.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.dreamdiary.application.chat.ChatView;
import org.dreamdiary.application.port.out.Storage;
import org.dreamdiary.domain.chat.Chat;
import org.dreamdiary.domain.chat.Message;
import org.dreamdiary.domain.user.UserId;
import org.dreamdiary.persistence.contract.AccountRecordsContract;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@link AccountRecordsContract} on PostgreSQL, and what only the database shows: an account read row by row
 * through server-side cursors, one statement per part whatever the number of rows (and, for the parts whose rows
 * hold attachments, one more per batch of rows), in a snapshot that PostgreSQL keeps read-only.
 */
class JdbiAccountRecordsTest extends AccountRecordsContract {
    private static final int MANY = 5_000;

    private final StatementCounter sent = new StatementCounter();
    private ChatFixture data;
    private JdbiAccountRecords watchedRecords;
    private JdbiTransactions watchedTransactions;
    private JdbiUsers watchedUsers;
    private UserId few;
    private UserId many;
    private Chat manysChat;

    @Override
    protected Storage newStorage() {
        return MigratedStorage.create();
    }

    @BeforeAll
    void fill() {
        data = ChatFixture.onFreshSchema();
        few = data.user();
        many = data.user();
        data.chat(few, "Few's");
        manysChat = data.chat(many, "Many's", few);
        data.jdbi.useHandle(handle -> {
            handle.createUpdate("INSERT INTO diary_entries (id, owner_id, entry_date, text, created_at, updated_at, version)"
                            + " SELECT gen_random_uuid(), :owner, date '2026-11-21' - i / 4, 'Entry ' || i, now(), now(), 1"
                            + " FROM generate_series(1, :rows) AS i")
                    .bind("owner", many.value()).bind("rows", MANY).execute();
            handle.createUpdate("INSERT INTO messages (id, chat_id, author_id, text, created_at, version)"
                            + " SELECT lpad(to_hex(i), 32, '0')::uuid, :chat, :owner, 'Message ' || i,"
                            + " timestamptz '2026-01-01 00:00:00Z' + i * interval '1 second', 1 FROM generate_series(1, :rows) AS i")
                    .bind("chat", manysChat.id().value()).bind("owner", many.value()).bind("rows", MANY).execute();
        });
        Jdbi watched = data.watchedBy(sent);
        watchedRecords = new JdbiAccountRecords(watched);
        watchedTransactions = new JdbiTransactions(watched);
        watchedUsers = new JdbiUsers(watched);
    }

    @BeforeEach
    void forget() {
        sent.reset();
    }

    /** Counts what every part hands over for {@code owner}, in one snapshot. */
    private List<Integer> countEveryPart(UserId owner) {
        return watchedTransactions.inSnapshot(() -> {
            AtomicInteger dreams = new AtomicInteger();
            AtomicInteger goals = new AtomicInteger();
            AtomicInteger tasks = new AtomicInteger();
            AtomicInteger diary = new AtomicInteger();
            AtomicInteger attachments = new AtomicInteger();
            AtomicInteger chatMessages = new AtomicInteger();
            AtomicInteger written = new AtomicInteger();
            List<ChatView> chats = new ArrayList<>();
            watchedRecords.dreams(owner, dream -> dreams.incrementAndGet());
            watchedRecords.goals(owner, goal -> goals.incrementAndGet());
            watchedRecords.tasks(owner, task -> tasks.incrementAndGet());
            watchedRecords.diary(owner, entry -> diary.incrementAndGet());
            watchedRecords.attachments(owner, attachment -> attachments.incrementAndGet());
            // each chat's messages are read while the chats are: two cursors open at once
            watchedRecords.ownedChats(owner, chat -> {
                chats.add(chat);
                watchedRecords.messagesOf(owner, chat.chat().id(), message -> chatMessages.incrementAndGet());
            });
            watchedRecords.messagesBy(owner, message -> written.incrementAndGet());
            return List.of(dreams.get(), goals.get(), tasks.get(), diary.get(), attachments.get(), chats.size(),
                    chatMessages.get(), written.get());
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"few", "many"})
    void givenAnAccountOfAnySize_whenEveryPartIsRead_thenTheStatementsAreTheSameFewWhateverTheRows(String who) {
        boolean isMany = who.equals("many");

        List<Integer> counts = countEveryPart(isMany ? many : few);

        assertThat(counts).containsExactly(0, 0, 0, isMany ? MANY : 0, 0, 1, isMany ? MANY : 0, isMany ? MANY : 0);
        // SET TRANSACTION READ ONLY, seven parts and the messages of the one owned chat, and one statement for the
        // attachments of each full batch of diary entries (none without rows)
        assertThat(sent.statements()).hasSize(9 + (isMany ? MANY / JdbiAccountRecords.FETCH_SIZE : 0));
    }

    @Test
    void givenASnapshot_whenSomethingTriesToWrite_thenPostgreSqlRefuses() {
        assertThatThrownBy(() -> watchedTransactions.inSnapshot(() -> {
            watchedUsers.delete(data.user(), OptionalLong.empty());
            return null;
        })).hasMessageContaining("read-only transaction");
    }

    @Test
    void givenMessages_whenReadForTheExport_thenOldestFirstAsTheCursorPagesGiveThem() {
        List<Message> streamed = new ArrayList<>();
        watchedTransactions.inSnapshot(() -> {
            watchedRecords.messagesOf(many, manysChat.id(), streamed::add);
            return null;
        });

        assertThat(streamed).hasSize(MANY);
        assertThat(streamed.get(0).text().value()).isEqualTo("Message 1");
        assertThat(streamed.get(MANY - 1).text().value()).isEqualTo("Message " + MANY);
    }
}
