package org.dreamdiary.application.service.diary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.dreamdiary.application.service.VersionPreconditions.entryAt;
import static org.dreamdiary.application.service.planning.PlanningWorld.ALICE;
import static org.dreamdiary.application.service.planning.PlanningWorld.ALL;
import static org.dreamdiary.application.service.planning.PlanningWorld.BOB;
import static org.dreamdiary.application.service.planning.PlanningWorld.START;
import static org.dreamdiary.application.service.planning.PlanningWorld.TODAY;
import static org.dreamdiary.application.service.planning.PlanningWorld.idsOf;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.dreamdiary.application.change.Change;
import org.dreamdiary.application.change.ExpectedVersion;
import org.dreamdiary.application.diary.DiaryQuery;
import org.dreamdiary.application.port.in.diary.UpdateDiaryEntry.EntryChanges;
import org.dreamdiary.application.port.in.diary.WriteDiaryEntry.NewEntry;
import org.dreamdiary.application.service.planning.PlanningWorld;
import org.dreamdiary.domain.attachment.Attachment;
import org.dreamdiary.domain.diary.DiaryEntry;
import org.dreamdiary.domain.diary.DiaryEntryId;
import org.dreamdiary.domain.diary.DiaryText;
import org.dreamdiary.domain.diary.DiaryTitle;
import org.dreamdiary.domain.diary.Mood;
import org.dreamdiary.domain.error.FieldError;
import org.dreamdiary.domain.error.NotFoundException;
import org.dreamdiary.domain.error.StaleVersionException;
import org.dreamdiary.domain.error.ValidationException;
import org.dreamdiary.domain.planning.GoalId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class DiaryServiceTest {

    @AutoClose
    private final PlanningWorld world = new PlanningWorld();

    @AfterEach
    void everyWriteHappenedInsideATransaction() {
        assertThat(world.transactions.writesOutside()).isEmpty();
    }

    private static NewEntry entry(LocalDate date, List<GoalId> goals) {
        return new NewEntry(date, new DiaryTitle("A good day"), new DiaryText("Ran 10 km."), new Mood(4), goals, List.of());
    }

    private DiaryEntry written(LocalDate date) {
        return world.diaryService.write(ALICE, entry(date, List.of()));
    }

    private static EntryChanges dateTo(LocalDate date) {
        return new EntryChanges(Change.to(date), Change.unchanged(), Change.unchanged(), Change.unchanged(),
                Change.unchanged(), Change.unchanged());
    }

    private static EntryChanges goalsTo(List<GoalId> goals) {
        return new EntryChanges(Change.unchanged(), Change.unchanged(), Change.unchanged(), Change.unchanged(),
                Change.to(goals), Change.unchanged());
    }

    private static List<String> fields(ValidationException refused) {
        return refused.errors().stream().map(FieldError::field).toList();
    }

    // writing

    @Test
    void anEntryIsWrittenAtVersionOneForItsOwner() {
        DiaryEntry entry = written(TODAY.minusDays(2));

        assertThat(entry.owner()).isEqualTo(ALICE);
        assertThat(entry.entryDate()).isEqualTo(TODAY.minusDays(2));
        assertThat(entry.title()).isEqualTo(new DiaryTitle("A good day"));
        assertThat(entry.text()).isEqualTo(new DiaryText("Ran 10 km."));
        assertThat(entry.mood()).isEqualTo(new Mood(4));
        assertThat(entry.goals()).isEmpty();
        assertThat(entry.version()).isEqualTo(1);
        assertThat(entry.createdAt()).isEqualTo(START);
        assertThat(world.diaryService.entry(ALICE, entry.id())).isEqualTo(entry);
    }

    @Test
    void writingAnEntryIsOneTransaction() {
        written(null);

        assertThat(world.transactions.begun()).isEqualTo(1);
    }

    @Test
    void anEntryWithoutADateIsForTodayInUtc() {
        world.clock.set(Instant.parse("2024-06-01T23:59:59.999Z"));
        assertThat(written(null).entryDate()).isEqualTo(LocalDate.of(2024, 6, 1));

        world.clock.set(Instant.parse("2024-06-02T00:00:00.000Z"));
        assertThat(written(null).entryDate()).isEqualTo(LocalDate.of(2024, 6, 2));
    }

    @Test
    void anEntryMayBeDatedToday() {
        assertThat(written(TODAY).entryDate()).isEqualTo(TODAY);
    }

    @Test
    void anEntryDatedInTheFutureIsRefusedOnEntryDateAndNothingIsStored() {
        world.clock.set(Instant.parse("2024-06-01T23:59:59.999Z"));

        ValidationException refused = catchThrowableOfType(ValidationException.class,
                () -> written(TODAY.plusDays(1)));

        assertThat(fields(refused)).containsExactly("entry_date");
        assertThat(world.storedEntries()).isZero();
    }

    @Test
    void anEntryMayHaveNoTitleAndNoMood() {
        DiaryEntry entry = world.diaryService.write(ALICE,
                new NewEntry(null, null, new DiaryText("Quiet day."), null, List.of(), List.of()));

        assertThat(entry.title()).isNull();
        assertThat(entry.mood()).isNull();
    }

    @Test
    void anEntryLinksTheCallersGoalsInTheOrderGiven() {
        GoalId violin = world.goal(ALICE, "Learn the violin").goal().id();
        GoalId books = world.goal(ALICE, "Read 20 books").goal().id();

        DiaryEntry entry = world.diaryService.write(ALICE, entry(null, List.of(books, violin)));

        assertThat(entry.goals()).containsExactly(books, violin);
        assertThat(world.diaryService.entry(ALICE, entry.id()).goals()).containsExactly(books, violin);
    }

    @Test
    void anotherOwnersGoalIsRefusedOnGoalIdsAndNothingIsStored() {
        GoalId alices = world.goal(ALICE, "Learn the violin").goal().id();
        GoalId bobs = world.goal(BOB, "Bob's goal").goal().id();

        ValidationException refused = catchThrowableOfType(ValidationException.class,
                () -> world.diaryService.write(ALICE, entry(null, List.of(alices, bobs))));

        assertThat(fields(refused)).containsExactly("goal_ids");
        assertThat(refused.errors().get(0).message()).contains("item 1");
        assertThat(world.storedEntries()).isZero();
    }

    @Test
    void anUnknownGoalIsRefusedOnGoalIds() {
        ValidationException refused = catchThrowableOfType(ValidationException.class,
                () -> world.diaryService.write(ALICE, entry(null, List.of(new GoalId(UUID.randomUUID())))));

        assertThat(fields(refused)).containsExactly("goal_ids");
        assertThat(world.storedEntries()).isZero();
    }

    @Test
    void aRepeatedGoalIsRefusedOnGoalIds() {
        GoalId violin = world.goal(ALICE, "Learn the violin").goal().id();

        ValidationException refused = catchThrowableOfType(ValidationException.class,
                () -> world.diaryService.write(ALICE, entry(null, List.of(violin, violin))));

        assertThat(fields(refused)).containsExactly("goal_ids");
        assertThat(refused.errors().get(0).message()).contains("repeat");
        assertThat(world.storedEntries()).isZero();
    }

    @Test
    void anUnknownAttachmentIdIsRefusedOnAttachmentIds() {
        ValidationException refused = catchThrowableOfType(ValidationException.class, () -> world.diaryService.write(ALICE,
                new NewEntry(null, null, new DiaryText("Photo day."), null, List.of(), List.of(UUID.randomUUID()))));

        assertThat(fields(refused)).containsExactly("attachment_ids");
        assertThat(world.storedEntries()).isZero();
    }

    @Test
    void anEntryHoldsTheOwnersAttachmentsInOrderAndAnUpdateReplacesThem() {
        Attachment sunrise = world.link(ALICE, "https://example.com/sunrise");
        Attachment finish = world.link(ALICE, "https://example.com/finish");

        DiaryEntry entry = world.diaryService.write(ALICE, new NewEntry(null, null, new DiaryText("Photo day."), null,
                List.of(), idsOf(finish, sunrise)));
        DiaryEntry replaced = world.diaryService.update(ALICE, entry.id(), new EntryChanges(Change.unchanged(),
                Change.unchanged(), Change.unchanged(), Change.unchanged(), Change.unchanged(), Change.to(idsOf(sunrise))),
                entryAt(1));

        assertThat(entry.attachments()).containsExactly(finish, sunrise);
        assertThat(replaced.attachments()).containsExactly(sunrise);
        assertThat(world.diaryService.list(ALICE, new DiaryQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()), ALL).items().get(0).attachments()).containsExactly(sunrise);
    }

    @Test
    void anotherUsersAttachmentIsRefusedOnAttachmentIdsAndTheEntryKeepsItsOwn() {
        Attachment own = world.link(ALICE, "https://example.com/own");
        Attachment bobs = world.link(BOB, "https://example.com/bobs");
        DiaryEntry entry = world.diaryService.write(ALICE, new NewEntry(null, null, new DiaryText("Photo day."), null,
                List.of(), idsOf(own)));

        ValidationException refused = catchThrowableOfType(ValidationException.class, () -> world.diaryService.update(ALICE,
                entry.id(), new EntryChanges(Change.unchanged(), Change.unchanged(), Change.unchanged(), Change.unchanged(),
                        Change.unchanged(), Change.to(idsOf(own, bobs))), entryAt(1)));

        assertThat(refused.errors()).containsExactly(new FieldError("attachment_ids", "item 1 names no attachment of yours"));
        assertThat(world.diaryService.entry(ALICE, entry.id())).isEqualTo(entry);
    }

    // updating

    @Test
    void anUpdateAppliesChangeSemanticsAndMovesTheVersionOn() {
        DiaryEntry entry = written(TODAY.minusDays(1));
        world.clock.advance(Duration.ofHours(1));

        DiaryEntry updated = world.diaryService.update(ALICE, entry.id(), new EntryChanges(Change.unchanged(),
                Change.to(null), Change.unchanged(), Change.to(new Mood(2)), Change.unchanged(), Change.unchanged()), entryAt(1));

        assertThat(updated.title()).as("cleared").isNull();
        assertThat(updated.mood()).isEqualTo(new Mood(2));
        assertThat(updated.text()).as("unchanged").isEqualTo(new DiaryText("Ran 10 km."));
        assertThat(updated.entryDate()).as("unchanged").isEqualTo(TODAY.minusDays(1));
        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.createdAt()).isEqualTo(START);
        assertThat(updated.updatedAt()).isEqualTo(START.plus(Duration.ofHours(1)));
        assertThat(world.diaryService.entry(ALICE, entry.id())).isEqualTo(updated);
    }

    @Test
    void anEntryMayBeMovedToAnEarlierDate() {
        DiaryEntry entry = written(TODAY);

        assertThat(world.diaryService.update(ALICE, entry.id(), dateTo(TODAY.minusDays(10)), entryAt(1)).entryDate())
                .isEqualTo(TODAY.minusDays(10));
    }

    @Test
    void anUpdateToAFutureDateIsRefusedOnEntryDateAndChangesNothing() {
        DiaryEntry entry = written(TODAY);

        ValidationException refused = catchThrowableOfType(ValidationException.class,
                () -> world.diaryService.update(ALICE, entry.id(), dateTo(TODAY.plusDays(1)), entryAt(1)));

        assertThat(fields(refused)).containsExactly("entry_date");
        assertThat(world.diaryService.entry(ALICE, entry.id())).isEqualTo(entry);
    }

    @Test
    void anUpdateLinkingAnotherOwnersGoalIsRefusedOnGoalIdsAndChangesNothing() {
        DiaryEntry entry = written(TODAY);
        GoalId bobs = world.goal(BOB, "Bob's goal").goal().id();

        ValidationException refused = catchThrowableOfType(ValidationException.class,
                () -> world.diaryService.update(ALICE, entry.id(), goalsTo(List.of(bobs)), entryAt(1)));

        assertThat(fields(refused)).containsExactly("goal_ids");
        assertThat(world.diaryService.entry(ALICE, entry.id())).isEqualTo(entry);
    }

    @Test
    void anUpdateRepeatingAGoalIsRefusedOnGoalIds() {
        DiaryEntry entry = written(TODAY);
        GoalId violin = world.goal(ALICE, "Learn the violin").goal().id();

        ValidationException refused = catchThrowableOfType(ValidationException.class,
                () -> world.diaryService.update(ALICE, entry.id(), goalsTo(List.of(violin, violin)), entryAt(1)));

        assertThat(fields(refused)).containsExactly("goal_ids");
    }

    @Test
    void anUpdateCanReplaceAndClearTheLinkedGoals() {
        GoalId violin = world.goal(ALICE, "Learn the violin").goal().id();
        GoalId books = world.goal(ALICE, "Read 20 books").goal().id();
        DiaryEntry entry = world.diaryService.write(ALICE, entry(null, List.of(violin)));

        assertThat(world.diaryService.update(ALICE, entry.id(), goalsTo(List.of(books)), entryAt(1)).goals())
                .containsExactly(books);
        assertThat(world.diaryService.update(ALICE, entry.id(), goalsTo(List.of()), entryAt(2)).goals()).isEmpty();
    }

    @Test
    void anUpdateBasedOnAnOlderVersionIsStaleAndChangesNothing() {
        DiaryEntry entry = written(TODAY);
        DiaryEntry current = world.diaryService.update(ALICE, entry.id(), dateTo(TODAY.minusDays(1)), entryAt(1));

        assertThatThrownBy(() -> world.diaryService.update(ALICE, entry.id(), dateTo(TODAY.minusDays(2)), entryAt(1)))
                .isInstanceOf(StaleVersionException.class);

        assertThat(world.diaryService.entry(ALICE, entry.id())).isEqualTo(current);
    }

    // ownership and deletion

    @Test
    void anotherOwnersEntryIsNotFoundToGetUpdateOrDelete() {
        DiaryEntry alices = written(TODAY);
        DiaryEntryId id = alices.id();

        assertThatThrownBy(() -> world.diaryService.entry(BOB, id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> world.diaryService.update(BOB, id, dateTo(TODAY.minusDays(1)), ExpectedVersion.none()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> world.diaryService.delete(BOB, id, ExpectedVersion.none())).isInstanceOf(NotFoundException.class);

        assertThat(world.diaryService.entry(ALICE, id)).isEqualTo(alices);
    }

    @Test
    void deletingAnEntryRemovesIt() {
        DiaryEntry entry = written(TODAY);

        world.diaryService.delete(ALICE, entry.id(), ExpectedVersion.none());

        assertThatThrownBy(() -> world.diaryService.entry(ALICE, entry.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> world.diaryService.delete(ALICE, entry.id(), ExpectedVersion.none())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void theDiaryIsListedNewestDateFirstWithinAnInclusiveRange() {
        written(TODAY.minusDays(5));
        written(TODAY);
        written(TODAY.minusDays(2));
        written(TODAY.minusDays(3));
        world.diaryService.write(BOB, entry(TODAY.minusDays(2), List.of()));

        List<LocalDate> dates = world.diaryService.list(ALICE, new DiaryQuery(Optional.of(TODAY.minusDays(3)),
                Optional.of(TODAY), Optional.empty(), Optional.empty()), ALL).items().stream()
                .map(DiaryEntry::entryDate).toList();

        assertThat(dates).containsExactly(TODAY, TODAY.minusDays(2), TODAY.minusDays(3));
    }
}
