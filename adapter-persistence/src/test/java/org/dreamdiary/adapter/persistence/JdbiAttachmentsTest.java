package org.dreamdiary.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.domain.attachment.Attachment;
import org.dreamdiary.domain.attachment.AttachmentId;
import org.dreamdiary.domain.attachment.AttachmentKind;
import org.dreamdiary.domain.attachment.FileFormat;
import org.dreamdiary.domain.attachment.FileName;
import org.dreamdiary.domain.attachment.ImageSize;
import org.dreamdiary.domain.attachment.LinkUrl;
import org.dreamdiary.domain.attachment.Sha256;
import org.dreamdiary.domain.attachment.StoredFile;
import org.dreamdiary.domain.diary.DiaryEntry;
import org.dreamdiary.domain.planning.Dream;
import org.dreamdiary.domain.planning.Goal;
import org.dreamdiary.domain.planning.Task;
import org.dreamdiary.domain.user.UserId;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** Attachments' metadata on PostgreSQL: every read scoped to its owner (or to avatars), and deletion everywhere. */
class JdbiAttachmentsTest {
    private static final Instant T0 = PlanningFixture.T0;
    private static final Sha256 DIGEST = new Sha256("ab".repeat(32));

    private final PlanningFixture fixture = PlanningFixture.onFreshSchema();
    private final Jdbi jdbi = fixture.jdbi;
    private final JdbiAttachments attachments = new JdbiAttachments(jdbi);

    private Attachment image(UserId owner, Instant createdAt) {
        Attachment image = Attachment.ofFile(new AttachmentId(UUID.randomUUID()), owner,
                new StoredFile(FileFormat.PNG, 1234, DIGEST, new ImageSize(640, 480), new FileName("Сон.png")), createdAt);
        attachments.add(image);
        return image;
    }

    private Attachment video(UserId owner, Instant createdAt) {
        Attachment video = Attachment.ofFile(new AttachmentId(UUID.randomUUID()), owner,
                new StoredFile(FileFormat.MP4, 10_485_760, DIGEST, null, null), createdAt);
        attachments.add(video);
        return video;
    }

    private Attachment link(UserId owner, Instant createdAt) {
        Attachment link = Attachment.ofLink(new AttachmentId(UUID.randomUUID()), owner,
                new LinkUrl("https://example.org/dreams?id=1"), createdAt);
        attachments.add(link);
        return link;
    }

    // --- adding and reading ---

    @Test
    void givenAnImageAVideoAndALink_whenReadById_thenEachComesBackAsWritten() {
        UserId owner = fixture.owner();
        Attachment image = image(owner, T0);
        Attachment video = video(owner, T0);
        Attachment link = link(owner, T0);

        assertThat(attachments.byId(owner, image.id())).contains(image);
        assertThat(attachments.byId(owner, video.id())).contains(video);
        assertThat(attachments.byId(owner, link.id())).contains(link);
    }

    @Test
    void givenAnotherUsersAttachment_whenReadById_thenItIsNotFound() {
        UserId owner = fixture.owner();
        Attachment image = image(owner, T0);

        assertThat(attachments.byId(fixture.owner(), image.id())).isEmpty();
        assertThat(attachments.byId(owner, new AttachmentId(UUID.randomUUID()))).isEmpty();
    }

    @Test
    void givenAnotherUsersAttachment_whenItBecomesTheirAvatar_thenAnyUserMayReadIt() {
        UserId owner = fixture.owner();
        UserId stranger = fixture.owner();
        Attachment avatar = image(owner, T0);
        Attachment other = image(owner, T0);

        assertThat(attachments.readable(owner, avatar.id())).contains(avatar);
        assertThat(attachments.readable(stranger, avatar.id())).isEmpty();

        showAsAvatar(owner, avatar.id());

        assertThat(attachments.readable(stranger, avatar.id())).contains(avatar);
        assertThat(attachments.readable(stranger, other.id())).isEmpty();
        assertThat(attachments.byId(stranger, avatar.id())).isEmpty();
    }

    // --- listing ---

    @Test
    void givenAttachmentsOfEveryKind_whenListed_thenTheOwnersComeNewestFirstPageByPage() {
        UserId owner = fixture.owner();
        Attachment oldest = image(owner, T0);
        Attachment middle = link(owner, T0.plus(Duration.ofMinutes(1)));
        Attachment newest = video(owner, T0.plus(Duration.ofMinutes(2)));
        Attachment sameTimeA = image(owner, T0.plus(Duration.ofMinutes(3)));
        Attachment sameTimeB = image(owner, T0.plus(Duration.ofMinutes(3)));
        image(fixture.owner(), T0.plus(Duration.ofMinutes(5)));
        // PostgreSQL orders uuids byte by byte, as their text sorts (Java's UUID.compareTo compares signed halves)
        List<Attachment> sameTime = sameTimeA.id().toString().compareTo(sameTimeB.id().toString()) > 0
                ? List.of(sameTimeA, sameTimeB) : List.of(sameTimeB, sameTimeA);

        Page<Attachment> first = attachments.list(owner, null, new PageRequest(1, 3));
        Page<Attachment> second = attachments.list(owner, null, new PageRequest(2, 3));

        assertThat(first.items()).containsExactly(sameTime.get(0), sameTime.get(1), newest);
        assertThat(second.items()).containsExactly(middle, oldest);
        assertThat(first.totalItems()).isEqualTo(5);
        assertThat(second.totalItems()).isEqualTo(5);
    }

    @Test
    void givenAttachmentsOfEveryKind_whenListedByKind_thenOnlyThatKindComes() {
        UserId owner = fixture.owner();
        Attachment image = image(owner, T0);
        link(owner, T0);
        Attachment link = link(owner, T0.plus(Duration.ofMinutes(1)));
        video(owner, T0);

        Page<Attachment> images = attachments.list(owner, AttachmentKind.IMAGE, PageRequest.first());
        Page<Attachment> links = attachments.list(owner, AttachmentKind.LINK, new PageRequest(1, 1));
        Page<Attachment> files = attachments.list(owner, AttachmentKind.FILE, PageRequest.first());

        assertThat(images.items()).containsExactly(image);
        assertThat(images.totalItems()).isEqualTo(1);
        assertThat(links.items()).containsExactly(link);
        assertThat(links.totalItems()).isEqualTo(2);
        assertThat(files.items()).isEmpty();
        assertThat(files.totalItems()).isZero();
    }

    @Test
    void givenManyAttachments_whenListedWithAnyPageSize_thenTwoStatementsRun() {
        UserId owner = fixture.owner();
        for (int i = 0; i < 30; i++) {
            image(owner, T0.plusSeconds(i));
        }
        StatementCounter counter = new StatementCounter();
        jdbi.setSqlLogger(counter);
        try {
            attachments.list(owner, null, new PageRequest(1, 1));
            List<String> forOne = counter.statements();
            counter.reset();
            attachments.list(owner, AttachmentKind.IMAGE, new PageRequest(1, 100));
            List<String> forHundred = counter.statements();

            assertThat(forOne).hasSize(2);
            assertThat(forHundred).hasSize(2);
        } finally {
            jdbi.setSqlLogger(null);
        }
    }

    // --- sets of ids ---

    @Test
    void givenIdsOfSeveralOwners_whenAskedWhichAreOwned_thenOnlyTheOwnersComeBack() {
        UserId owner = fixture.owner();
        Attachment mine = image(owner, T0);
        Attachment myLink = link(owner, T0);
        Attachment theirs = image(fixture.owner(), T0);
        AttachmentId unknown = new AttachmentId(UUID.randomUUID());

        assertThat(attachments.owned(owner, List.of(mine.id(), theirs.id(), unknown, myLink.id())))
                .containsExactlyInAnyOrder(mine, myLink);
        assertThat(attachments.owned(owner, List.of())).isEmpty();
    }

    @Test
    void givenAttachmentsFoundOwnedInATransaction_whenAnotherTransactionDeletesOne_thenItWaitsForTheFirstToEnd() {
        UserId owner = fixture.owner();
        Attachment held = image(owner, T0);
        jdbi.useTransaction(first -> {
            assertThat(attachments.owned(owner, List.of(held.id()))).containsExactly(held);
            try (var second = jdbi.open()) {
                second.begin();
                second.execute("SET LOCAL lock_timeout = '200ms'");
                assertThatThrownBy(() -> second.execute("DELETE FROM attachments WHERE id = ?", held.id().value()))
                        .hasMessageContaining("lock timeout");
                second.rollback();
            }
        });
        assertThat(attachments.delete(owner, held.id())).as("free once the first transaction ended").isTrue();
    }

    @Test
    void givenIdsOfSeveralOwners_whenAskedWhichExist_thenEveryStoredOneComesBack() {
        Attachment mine = image(fixture.owner(), T0);
        Attachment theirs = link(fixture.owner(), T0);
        AttachmentId unknown = new AttachmentId(UUID.randomUUID());

        assertThat(attachments.existing(List.of(mine.id(), theirs.id(), unknown))).containsExactlyInAnyOrder(mine.id(), theirs.id());
        assertThat(attachments.existing(List.of())).isEmpty();
    }

    @Test
    void givenFilesAndLinks_whenAskedWhichHaveContent_thenTheOwnersFilesComeBack() {
        UserId owner = fixture.owner();
        Attachment image = image(owner, T0);
        Attachment video = video(owner, T0);
        link(owner, T0);
        image(fixture.owner(), T0);

        assertThat(attachments.withContent(owner)).containsExactlyInAnyOrder(image.id(), video.id());
    }

    // --- deleting ---

    @Test
    void givenAnAttachmentHeldEverywhere_whenDeleted_thenItIsDetachedAndEveryHolderGetsANewVersion() {
        UserId owner = fixture.owner();
        Attachment doomed = image(owner, T0);
        Attachment kept = image(owner, T0);
        Dream dream = fixture.dream(owner, "Fly");
        Dream untouched = fixture.dream(owner, "Swim");
        Goal goal = fixture.goal(owner, dream, "Learn");
        Task task = fixture.task(owner, goal, "Practise", 1);
        DiaryEntry entry = fixture.entry(owner, LocalDate.of(2026, 11, 20), "Flew", null, List.of());
        hold("dream_attachments", "dream_id", dream.id().value(), doomed.id(), kept.id());
        hold("task_attachments", "task_id", task.id().value(), doomed.id());
        hold("diary_entry_attachments", "entry_id", entry.id().value(), kept.id(), doomed.id());
        hold("dream_attachments", "dream_id", untouched.id().value(), kept.id());
        showAsAvatar(owner, doomed.id());
        jdbi.useHandle(handle -> handle.execute("INSERT INTO blob_chunks (blob_id, seq, data) VALUES (?, 0, '\\x01')",
                doomed.id().value()));
        long userVersion = version("users", owner.value());

        assertThat(attachments.delete(owner, doomed.id())).isTrue();

        assertThat(attachments.byId(owner, doomed.id())).isEmpty();
        assertThat(fixture.count("SELECT count(*) FROM dream_attachments WHERE attachment_id = ?", doomed.id().value())
                + fixture.count("SELECT count(*) FROM task_attachments WHERE attachment_id = ?", doomed.id().value())
                + fixture.count("SELECT count(*) FROM diary_entry_attachments WHERE attachment_id = ?", doomed.id().value()))
                .isZero();
        assertThat(fixture.count("SELECT count(*) FROM blob_chunks WHERE blob_id = ?", doomed.id().value())).isZero();
        assertThat(fixture.count("SELECT count(*) FROM dream_attachments WHERE attachment_id = ?", kept.id().value()))
                .isEqualTo(2);
        assertThat(version("dreams", dream.id().value())).isEqualTo(dream.version() + 1);
        assertThat(version("tasks", task.id().value())).isEqualTo(task.version() + 1);
        assertThat(version("diary_entries", entry.id().value())).isEqualTo(entry.version() + 1);
        assertThat(version("dreams", untouched.id().value())).isEqualTo(untouched.version());
        assertThat(version("users", owner.value())).isEqualTo(userVersion + 1);
        assertThat(fixture.users.byId(owner).orElseThrow().avatarAttachmentId()).isNull();
    }

    @Test
    void givenAnotherUsersAttachment_whenTheyTryToDeleteIt_thenNothingChanges() {
        UserId owner = fixture.owner();
        Attachment image = image(owner, T0);
        Dream dream = fixture.dream(owner, "Fly");
        hold("dream_attachments", "dream_id", dream.id().value(), image.id());
        showAsAvatar(owner, image.id());
        String before = fixture.row("dreams", dream.id().value()) + fixture.row("users", owner.value());

        assertThat(attachments.delete(fixture.owner(), image.id())).isFalse();

        assertThat(attachments.byId(owner, image.id())).contains(image);
        assertThat(fixture.row("dreams", dream.id().value()) + fixture.row("users", owner.value())).isEqualTo(before);
        assertThat(fixture.count("SELECT count(*) FROM dream_attachments WHERE attachment_id = ?", image.id().value()))
                .isEqualTo(1);
    }

    @Test
    void givenADeletedAttachment_whenDeletedAgain_thenThereIsNothingToDelete() {
        UserId owner = fixture.owner();
        Attachment link = link(owner, T0);

        assertThat(attachments.delete(owner, link.id())).isTrue();
        assertThat(attachments.delete(owner, link.id())).isFalse();
    }

    // --- helpers ---

    /** Links written straight into a link table, as the stores of dreams, tasks and entries write them. */
    private void hold(String table, String column, UUID holder, AttachmentId... held) {
        for (int i = 0; i < held.length; i++) {
            int position = i + 1;
            AttachmentId id = held[i];
            jdbi.useHandle(handle -> handle.execute("INSERT INTO " + table + " (" + column + ", attachment_id, position)"
                    + " VALUES (?, ?, ?)", holder, id.value(), position));
        }
    }

    private void showAsAvatar(UserId user, AttachmentId id) {
        jdbi.useHandle(handle -> handle.execute("UPDATE users SET avatar_attachment_id = ? WHERE id = ?", id.value(), user.value()));
    }

    private long version(String table, UUID id) {
        return fixture.count("SELECT version FROM " + table + " WHERE id = ?", id);
    }
}
