package org.dreamdiary.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.dreamdiary.application.chat.ChatView;
import org.dreamdiary.domain.attachment.Attachment;
import org.dreamdiary.domain.attachment.AttachmentId;
import org.dreamdiary.domain.attachment.FileFormat;
import org.dreamdiary.domain.attachment.FileName;
import org.dreamdiary.domain.attachment.LinkUrl;
import org.dreamdiary.domain.attachment.Sha256;
import org.dreamdiary.domain.attachment.StoredFile;
import org.dreamdiary.domain.chat.Chat;
import org.dreamdiary.domain.chat.Message;
import org.dreamdiary.domain.user.UserId;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An account read row by row for its export: one statement per part whatever the number of rows (and, for the
 * parts whose rows hold attachments, one more per batch of rows), inside one read-only snapshot that a commit made
 * meanwhile does not change.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbiAccountRecordsTest {
    private static final int MANY = 5_000;

    private final StatementCounter sent = new StatementCounter();
    private ChatFixture data;
    private JdbiAccountRecords records;
    private JdbiTransactions transactions;
    private JdbiUsers users;
    private UserId few;
    private UserId many;
    private Chat manysChat;

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
        records = new JdbiAccountRecords(watched);
        transactions = new JdbiTransactions(watched);
        users = new JdbiUsers(watched);
    }

    @BeforeEach
    void forget() {
        sent.reset();
    }

    /** Counts what every part hands over for {@code owner}, in one snapshot. */
    private List<Integer> everyPart(UserId owner) {
        return transactions.inSnapshot(() -> {
            AtomicInteger dreams = new AtomicInteger();
            AtomicInteger goals = new AtomicInteger();
            AtomicInteger tasks = new AtomicInteger();
            AtomicInteger diary = new AtomicInteger();
            AtomicInteger chatMessages = new AtomicInteger();
            AtomicInteger written = new AtomicInteger();
            List<ChatView> chats = new ArrayList<>();
            records.dreams(owner, dream -> dreams.incrementAndGet());
            records.goals(owner, goal -> goals.incrementAndGet());
            records.tasks(owner, task -> tasks.incrementAndGet());
            records.diary(owner, entry -> diary.incrementAndGet());
            // each chat's messages are read while the chats are: two cursors open at once
            records.ownedChats(owner, chat -> {
                chats.add(chat);
                records.messagesOf(owner, chat.chat().id(), message -> chatMessages.incrementAndGet());
            });
            records.messagesBy(owner, message -> written.incrementAndGet());
            return List.of(dreams.get(), goals.get(), tasks.get(), diary.get(), chats.size(), chatMessages.get(),
                    written.get());
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"few", "many"})
    void givenAnAccountOfAnySize_whenEveryPartIsRead_thenTheStatementsAreTheSameFewWhateverTheRows(String who) {
        boolean isMany = who.equals("many");

        List<Integer> counts = everyPart(isMany ? many : few);

        assertThat(counts).containsExactly(0, 0, 0, isMany ? MANY : 0, 1, isMany ? MANY : 0, isMany ? MANY : 0);
        // SET TRANSACTION READ ONLY, six parts and the messages of the one owned chat, and one statement for the
        // attachments of each full batch of diary entries (none without rows)
        assertThat(sent.statements()).hasSize(8 + (isMany ? MANY / JdbiAccountRecords.FETCH_SIZE : 0));
    }

    @Test
    void givenAnExportUnderWay_whenAnotherTransactionCommitsAnEntry_thenTheSnapshotDoesNotSeeIt() throws Exception {
        UserId writer = data.user();
        try (var other = DriverManager.getConnection(data.schema.jdbcUrl(), data.schema.user(), data.schema.password())) {
            List<Integer> seen = transactions.inSnapshot(() -> {
                AtomicInteger before = new AtomicInteger();
                records.diary(writer, entry -> before.incrementAndGet());
                insertEntry(other, writer);
                AtomicInteger after = new AtomicInteger();
                records.diary(writer, entry -> after.incrementAndGet());
                return List.of(before.get(), after.get());
            });

            assertThat(seen).containsExactly(0, 0);
            AtomicInteger now = new AtomicInteger();
            transactions.inSnapshot(() -> {
                records.diary(writer, entry -> now.incrementAndGet());
                return null;
            });
            assertThat(now).hasValue(1);
        }
    }

    @Test
    void givenASnapshot_whenSomethingTriesToWrite_thenPostgreSqlRefuses() {
        assertThatThrownBy(() -> transactions.inSnapshot(() -> {
            users.delete(data.user(), OptionalLong.empty());
            return null;
        })).hasMessageContaining("read-only transaction");
    }

    @Test
    void givenMessages_whenReadForTheExport_thenOldestFirstAsTheCursorPagesGiveThem() {
        List<Message> streamed = new ArrayList<>();
        transactions.inSnapshot(() -> {
            records.messagesOf(many, manysChat.id(), streamed::add);
            return null;
        });

        assertThat(streamed).hasSize(MANY);
        assertThat(streamed.get(0).text().value()).isEqualTo("Message 1");
        assertThat(streamed.get(MANY - 1).text().value()).isEqualTo("Message " + MANY);
    }

    @Test
    void givenAttachmentsOfTheOwnerAndOthers_whenReadForTheExport_thenTheOwnersComeNewestFirstInOneStatement() {
        UserId owner = data.user();
        JdbiAttachments attachments = new JdbiAttachments(data.jdbi);
        Instant start = Instant.parse("2026-11-01T08:00:00.123456Z");
        Attachment older = Attachment.ofLink(new AttachmentId(UUID.randomUUID()), owner, new LinkUrl("https://example.org/a"), start);
        Attachment newer = Attachment.ofFile(new AttachmentId(UUID.randomUUID()), owner,
                new StoredFile(FileFormat.PDF, 42, new Sha256("cd".repeat(32)), null, new FileName("plan.pdf")),
                start.plusSeconds(1));
        attachments.add(older);
        attachments.add(newer);
        attachments.add(Attachment.ofLink(new AttachmentId(UUID.randomUUID()), data.user(), new LinkUrl("https://example.org/b"), start));

        List<Attachment> streamed = new ArrayList<>();
        transactions.inSnapshot(() -> {
            records.attachments(owner, streamed::add);
            return null;
        });

        assertThat(streamed).containsExactly(newer, older);
        // SET TRANSACTION READ ONLY and the one part
        assertThat(sent.statements()).hasSize(2);
    }

    private static void insertEntry(Connection other, UserId owner) {
        try (var statement = other.createStatement()) {
            statement.executeUpdate("INSERT INTO diary_entries (id, owner_id, entry_date, text, created_at, updated_at,"
                    + " version) VALUES (gen_random_uuid(), '" + owner + "', date '2026-11-21', 'Late', now(), now(), 1)");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
