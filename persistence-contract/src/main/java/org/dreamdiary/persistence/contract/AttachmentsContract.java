package org.dreamdiary.persistence.contract;

import static org.dreamdiary.persistence.contract.TestUsers.aUser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.port.out.attachment.Attachments;
import org.dreamdiary.domain.attachment.Attachment;
import org.dreamdiary.domain.attachment.AttachmentId;
import org.dreamdiary.domain.attachment.AttachmentKind;
import org.dreamdiary.domain.diary.DiaryEntry;
import org.dreamdiary.domain.diary.DiaryEntryId;
import org.dreamdiary.domain.diary.DiaryText;
import org.dreamdiary.domain.planning.Dream;
import org.dreamdiary.domain.planning.DreamId;
import org.dreamdiary.domain.planning.Goal;
import org.dreamdiary.domain.planning.GoalId;
import org.dreamdiary.domain.planning.Name;
import org.dreamdiary.domain.planning.Task;
import org.dreamdiary.domain.planning.TaskId;
import org.dreamdiary.domain.planning.TaskText;
import org.dreamdiary.domain.user.User;
import org.dreamdiary.domain.user.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every implementation of the {@link Attachments} port promises: every read scoped to the owner (or to
 * avatars), newest first, and a deletion that leaves nothing holding the attachment. What holds one is set up
 * through the other ports of the same store, as the use cases write it. Every test uses owners of its own.
 */
public abstract class AttachmentsContract extends StorageContract {
    protected static final Instant T0 = TestAttachments.CREATED;

    protected Attachments attachments;

    @BeforeEach
    final void takeAttachments() {
        attachments = storage.attachments();
    }

    /** A new account, stored. */
    protected UserId newOwner() {
        User user = aUser().build();
        storage.users().add(user);
        return user.id();
    }

    protected Attachment image(UserId owner, Instant createdAt) {
        return added(TestAttachments.image(owner, createdAt));
    }

    private Attachment video(UserId owner, Instant createdAt) {
        return added(TestAttachments.video(owner, createdAt));
    }

    private Attachment link(UserId owner, Instant createdAt) {
        return added(TestAttachments.link(owner, createdAt));
    }

    private Attachment added(Attachment attachment) {
        attachments.add(attachment);
        return attachment;
    }

    // --- adding and reading ---

    @Test
    void givenAnImageAVideoAndALink_whenReadById_thenEachComesBackAsWritten() {
        UserId owner = newOwner();
        Attachment image = image(owner, T0);
        Attachment video = video(owner, T0);
        Attachment link = link(owner, T0);

        assertEquals(Optional.of(image), attachments.byId(owner, image.id()));
        assertEquals(Optional.of(video), attachments.byId(owner, video.id()));
        assertEquals(Optional.of(link), attachments.byId(owner, link.id()));
    }

    @Test
    void givenAnotherUsersAttachment_whenReadById_thenItIsNotFound() {
        UserId owner = newOwner();
        Attachment image = image(owner, T0);

        assertEquals(Optional.empty(), attachments.byId(newOwner(), image.id()));
        assertEquals(Optional.empty(), attachments.byId(owner, new AttachmentId(UUID.randomUUID())));
    }

    @Test
    void givenAnotherUsersAttachment_whenItBecomesTheirAvatar_thenAnyUserMayReadIt() {
        UserId owner = newOwner();
        UserId stranger = newOwner();
        Attachment avatar = image(owner, T0);
        Attachment other = image(owner, T0);

        assertEquals(Optional.of(avatar), attachments.readable(owner, avatar.id()));
        assertEquals(Optional.empty(), attachments.readable(stranger, avatar.id()));

        showAsAvatar(owner, avatar);

        assertEquals(Optional.of(avatar), attachments.readable(stranger, avatar.id()));
        assertEquals(Optional.empty(), attachments.readable(stranger, other.id()));
        assertEquals(Optional.empty(), attachments.byId(stranger, avatar.id()), "only reading is open to all");
    }

    // --- listing ---

    @Test
    void givenAttachmentsOfEveryKind_whenListed_thenTheOwnersComeNewestFirstPageByPage() {
        UserId owner = newOwner();
        Attachment oldest = image(owner, T0);
        Attachment middle = link(owner, T0.plus(Duration.ofMinutes(1)));
        Attachment newest = video(owner, T0.plus(Duration.ofMinutes(2)));
        // ids of the same time come in PostgreSQL's uuid order, the greatest first: byte by byte, as their text
        // sorts, so an id whose first bit is set comes first (UUID.compareTo, comparing signed halves, disagrees)
        Attachment sameTimeLow = added(withFirstBit(false, TestAttachments.image(owner, T0.plus(Duration.ofMinutes(3)))));
        Attachment sameTimeHigh = added(withFirstBit(true, TestAttachments.image(owner, T0.plus(Duration.ofMinutes(3)))));
        image(newOwner(), T0.plus(Duration.ofMinutes(5)));

        Page<Attachment> first = attachments.list(owner, null, new PageRequest(1, 3));
        Page<Attachment> second = attachments.list(owner, null, new PageRequest(2, 3));
        Page<Attachment> beyond = attachments.list(owner, null, new PageRequest(3, 3));

        assertEquals(List.of(sameTimeHigh, sameTimeLow, newest), first.items());
        assertEquals(List.of(middle, oldest), second.items());
        assertEquals(List.of(), beyond.items());
        assertEquals(5, first.totalItems());
        assertEquals(5, second.totalItems());
        assertEquals(5, beyond.totalItems());
    }

    @Test
    void givenAttachmentsOfEveryKind_whenListedByKind_thenOnlyThatKindComes() {
        UserId owner = newOwner();
        Attachment image = image(owner, T0);
        link(owner, T0);
        Attachment link = link(owner, T0.plus(Duration.ofMinutes(1)));
        video(owner, T0);

        Page<Attachment> images = attachments.list(owner, AttachmentKind.IMAGE, PageRequest.first());
        Page<Attachment> links = attachments.list(owner, AttachmentKind.LINK, new PageRequest(1, 1));
        Page<Attachment> files = attachments.list(owner, AttachmentKind.FILE, PageRequest.first());

        assertEquals(List.of(image), images.items());
        assertEquals(1, images.totalItems());
        assertEquals(List.of(link), links.items());
        assertEquals(2, links.totalItems());
        assertEquals(List.of(), files.items());
        assertEquals(0, files.totalItems());
    }

    // --- sets of ids ---

    @Test
    void givenIdsOfSeveralOwners_whenAskedWhichAreOwned_thenOnlyTheOwnersComeBackEachOnce() {
        UserId owner = newOwner();
        Attachment mine = image(owner, T0);
        Attachment myLink = link(owner, T0);
        Attachment theirs = image(newOwner(), T0);
        AttachmentId unknown = new AttachmentId(UUID.randomUUID());

        List<Attachment> owned = attachments.owned(owner, List.of(mine.id(), theirs.id(), unknown, myLink.id(), mine.id()));

        assertEquals(2, owned.size(), "each once: " + owned);
        assertEquals(Set.of(mine, myLink), new HashSet<>(owned));
        assertEquals(List.of(), attachments.owned(owner, List.of()));
    }

    @Test
    void givenAttachmentsFoundOwnedInATransaction_whenAnotherTransactionDeletesOne_thenItWaitsForTheFirstToEnd()
            throws Exception {
        UserId owner = newOwner();
        Attachment held = image(owner, T0);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> deletion = storage.transactions().inTransaction(() -> {
                assertEquals(List.of(held), attachments.owned(owner, List.of(held.id())));
                Future<Boolean> waiting = other.submit(() -> attachments.delete(owner, held.id()));
                assertThrows(TimeoutException.class, () -> waiting.get(300, TimeUnit.MILLISECONDS),
                        "the deletion waits while the transaction that found it owned runs");
                return waiting;
            });

            assertTrue(deletion.get(30, TimeUnit.SECONDS), "deleted once the first transaction ended");
        } finally {
            other.shutdownNow();
        }
        assertEquals(Optional.empty(), attachments.byId(owner, held.id()));
    }

    @Test
    void givenIdsOfSeveralOwners_whenAskedWhichExist_thenEveryStoredOneComesBack() {
        Attachment mine = image(newOwner(), T0);
        Attachment theirs = link(newOwner(), T0);
        AttachmentId unknown = new AttachmentId(UUID.randomUUID());

        assertEquals(Set.of(mine.id(), theirs.id()), attachments.existing(List.of(mine.id(), theirs.id(), unknown)));
        assertEquals(Set.of(), attachments.existing(List.of()));
    }

    @Test
    void givenFilesAndLinks_whenAskedWhichHaveContent_thenTheOwnersFilesComeBack() {
        UserId owner = newOwner();
        Attachment image = image(owner, T0);
        Attachment video = video(owner, T0);
        link(owner, T0);
        image(newOwner(), T0);

        List<AttachmentId> withContent = attachments.withContent(owner);

        assertEquals(2, withContent.size(), "each once: " + withContent);
        assertEquals(Set.of(image.id(), video.id()), new HashSet<>(withContent));
    }

    // --- deleting ---

    @Test
    void givenAnAttachmentHeldByDreams_whenDeleted_thenItLeavesThoseHoldingItEachWithANewVersion() {
        UserId owner = newOwner();
        Attachment doomed = image(owner, T0);
        Attachment kept = link(owner, T0);
        Dream dream = dreamHolding(owner, doomed, kept);
        Dream untouched = dreamHolding(owner, kept);

        assertTrue(attachments.delete(owner, doomed.id()));

        assertEquals(Optional.of(new Dream(dream.id(), owner, dream.name(), dream.description(), List.of(kept),
                dream.createdAt(), dream.updatedAt(), dream.version() + 1)), storage.dreams().byId(owner, dream.id()));
        assertEquals(Optional.of(untouched), storage.dreams().byId(owner, untouched.id()));
    }

    @Test
    void givenAnAttachmentHeldByATask_whenDeleted_thenTheTaskHoldsNothingAndHasANewVersion() {
        UserId owner = newOwner();
        Attachment doomed = video(owner, T0);
        Task task = taskHolding(owner, doomed);

        assertTrue(attachments.delete(owner, doomed.id()));

        assertEquals(Optional.of(new Task(task.id(), owner, task.goal(), task.text(), task.notes(), task.dueDate(),
                        task.done(), task.completedAt(), task.position(), List.of(), task.createdAt(), task.updatedAt(),
                        task.version() + 1)),
                storage.tasks().byId(owner, task.id()));
    }

    @Test
    void givenAnAttachmentHeldByADiaryEntry_whenDeleted_thenTheEntryKeepsTheOthersInOrderWithANewVersion() {
        UserId owner = newOwner();
        Attachment first = image(owner, T0);
        Attachment doomed = link(owner, T0);
        Attachment last = video(owner, T0);
        DiaryEntry entry = entryHolding(owner, first, doomed, last);

        assertTrue(attachments.delete(owner, doomed.id()));

        assertEquals(Optional.of(new DiaryEntry(entry.id(), owner, entry.entryDate(), entry.title(), entry.text(),
                        entry.mood(), entry.goals(), List.of(first, last), entry.createdAt(), entry.updatedAt(),
                        entry.version() + 1)),
                storage.diaryEntries().byId(owner, entry.id()));
    }

    @Test
    void givenAnImageShownAsAvatar_whenDeleted_thenTheProfileShowsNoneAndHasANewVersion() {
        UserId owner = newOwner();
        Attachment avatar = image(owner, T0);
        User shown = showAsAvatar(owner, avatar);

        assertTrue(attachments.delete(owner, avatar.id()));

        assertEquals(Optional.of(withoutAvatar(shown)), storage.users().byId(owner));
        assertEquals(Optional.empty(), attachments.readable(newOwner(), avatar.id()));
    }

    @Test
    void givenAnotherUsersAttachment_whenTheyTryToDeleteIt_thenNothingChanges() {
        UserId owner = newOwner();
        Attachment image = image(owner, T0);
        User shown = showAsAvatar(owner, image);

        assertFalse(attachments.delete(newOwner(), image.id()));

        assertEquals(Optional.of(image), attachments.byId(owner, image.id()));
        assertEquals(Optional.of(shown), storage.users().byId(owner));
    }

    @Test
    void givenADeletedAttachment_whenDeletedAgain_thenThereIsNothingToDelete() {
        UserId owner = newOwner();
        Attachment link = link(owner, T0);

        assertTrue(attachments.delete(owner, link.id()));

        assertFalse(attachments.delete(owner, link.id()));
        assertEquals(Optional.empty(), attachments.byId(owner, link.id()));
        assertEquals(Set.of(), attachments.existing(List.of(link.id())));
    }

    @Test
    void givenADeletionWhoseTransactionRollsBack_whenRead_thenTheAttachmentAndTheAvatarAreAsBefore() {
        UserId owner = newOwner();
        Attachment image = image(owner, T0);
        User shown = showAsAvatar(owner, image);

        assertThrows(IllegalStateException.class, () -> storage.transactions().inTransaction(() -> {
            assertTrue(attachments.delete(owner, image.id()));
            throw new IllegalStateException("the use case failed after the deletion");
        }));

        assertEquals(Optional.of(image), attachments.byId(owner, image.id()));
        assertEquals(Optional.of(shown), storage.users().byId(owner));
        assertEquals(Optional.of(image), attachments.readable(newOwner(), image.id()));
    }

    @Test
    void givenAnAccountWithAttachments_whenTheAccountIsDeleted_thenItsAttachmentsGoAndOthersStay() {
        UserId owner = newOwner();
        UserId other = newOwner();
        Attachment mine = image(owner, T0);
        Attachment myLink = link(owner, T0);
        Attachment theirs = image(other, T0);
        showAsAvatar(owner, mine);

        assertTrue(storage.users().delete(owner, OptionalLong.empty()));

        assertEquals(Set.of(theirs.id()), attachments.existing(List.of(mine.id(), myLink.id(), theirs.id())));
        assertEquals(0, attachments.list(owner, null, PageRequest.first()).totalItems());
        assertEquals(List.of(), attachments.withContent(owner));
        assertEquals(Optional.empty(), attachments.readable(other, mine.id()));
        assertEquals(Optional.of(theirs), attachments.byId(other, theirs.id()));
    }

    /** {@code attachment} under a new id whose first bit is {@code set}. */
    private static Attachment withFirstBit(boolean set, Attachment attachment) {
        UUID random = UUID.randomUUID();
        long high = set ? random.getMostSignificantBits() | Long.MIN_VALUE : random.getMostSignificantBits() & Long.MAX_VALUE;
        return new Attachment(new AttachmentId(new UUID(high, random.getLeastSignificantBits())), attachment.owner(),
                attachment.kind(), attachment.file(), attachment.link(), attachment.createdAt());
    }

    // --- holders, written through the other ports ---

    private Dream dreamHolding(UserId owner, Attachment... held) {
        Dream dream = Dream.create(new DreamId(UUID.randomUUID()), owner, new Name("Fly"), null, List.of(held), T0);
        storage.dreams().add(dream);
        return dream;
    }

    private Task taskHolding(UserId owner, Attachment... held) {
        Goal goal = Goal.create(new GoalId(UUID.randomUUID()), owner, null, new Name("Learn"), null, null, T0);
        storage.goals().add(goal);
        Task task = Task.create(new TaskId(UUID.randomUUID()), owner, goal.id(), new TaskText("Practise"), null, null, 1,
                List.of(held), T0);
        storage.tasks().add(task);
        return task;
    }

    private DiaryEntry entryHolding(UserId owner, Attachment... held) {
        DiaryEntry entry = new DiaryEntry(new DiaryEntryId(UUID.randomUUID()), owner, LocalDate.of(2026, 11, 20), null,
                new DiaryText("Flew"), null, List.of(), List.of(held), T0, T0, 1);
        storage.diaryEntries().add(entry);
        return entry;
    }

    /** The owner's profile, changed to show {@code image} as avatar; what it stored. */
    private User showAsAvatar(UserId owner, Attachment image) {
        User user = storage.users().byId(owner).orElseThrow();
        User changed = user.withProfile(user.fullName(), user.email(), user.phoneNumber(), image.id().value(),
                T0.plus(Duration.ofMinutes(10)));
        storage.users().update(changed);
        return changed;
    }

    /** The profile after its avatar was deleted: nothing else changes but the version. */
    private static User withoutAvatar(User user) {
        return new User(user.id(), user.username(), user.fullName(), user.email(), user.phoneNumber(), null,
                user.passwordHash(), user.createdAt(), user.updatedAt(), user.version() + 1);
    }
}
