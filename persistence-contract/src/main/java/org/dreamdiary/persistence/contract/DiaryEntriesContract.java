package org.dreamdiary.persistence.contract;

import static org.dreamdiary.persistence.contract.TestPlanning.T0;
import static org.dreamdiary.persistence.contract.TestPlanning.TODAY;
import static org.dreamdiary.persistence.contract.TestPlanning.aGoal;
import static org.dreamdiary.persistence.contract.TestPlanning.aStoredImage;
import static org.dreamdiary.persistence.contract.TestPlanning.aStoredLink;
import static org.dreamdiary.persistence.contract.TestPlanning.anEntry;
import static org.dreamdiary.persistence.contract.TestPlanning.anOwner;
import static org.dreamdiary.persistence.contract.TestPlanning.ascendingIds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.UUID;
import org.dreamdiary.application.diary.DiaryQuery;
import org.dreamdiary.application.diary.MonthCount;
import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.port.out.diary.DiaryEntries;
import org.dreamdiary.application.port.out.diary.DiaryEntries.Totals;
import org.dreamdiary.domain.attachment.Attachment;
import org.dreamdiary.domain.diary.DiaryEntry;
import org.dreamdiary.domain.diary.DiaryEntryId;
import org.dreamdiary.domain.diary.DiaryText;
import org.dreamdiary.domain.diary.DiaryTitle;
import org.dreamdiary.domain.diary.Mood;
import org.dreamdiary.domain.error.StaleVersionException;
import org.dreamdiary.domain.planning.Goal;
import org.dreamdiary.domain.user.UserId;
import org.dreamdiary.persistence.contract.TestPlanning.EntryBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every implementation of the {@link DiaryEntries} port promises: goal links and attachments in the order
 * given, newest day first with ties by id, paging, filters by day and mood, full-text search in Russian and English,
 * the totals behind the statistics, optimistic versions, and that nothing of another owner's is seen or touched.
 */
public abstract class DiaryEntriesContract extends StorageContract {
    private static final OptionalLong ANY_VERSION = OptionalLong.empty();
    private static final DiaryQuery EVERY_ENTRY = new DiaryQuery(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty());

    private DiaryEntries diary;
    private UserId owner;

    @BeforeEach
    final void aNewOwner() {
        diary = storage.diaryEntries();
        owner = anOwner(storage);
    }

    @Test
    void givenAnEntryLinkedToGoals_whenReadAndUpdated_thenTheLinksKeepTheirOrderAndAreReplaced() {
        Goal first = aGoal(owner).named("First").storedIn(storage);
        Goal second = aGoal(owner).named("Second").storedIn(storage);
        Goal third = aGoal(owner).named("Third").storedIn(storage);
        DiaryEntry entry = anEntry(owner).titled("Busy").saying("Worked on three goals").feeling(4)
                .about(second, first, third).storedIn(storage);

        assertEquals(Optional.of(entry), diary.byId(owner, entry.id()));
        assertEquals(List.of(second.id(), first.id(), third.id()), diary.byId(owner, entry.id()).orElseThrow().goals());
        assertEquals(Optional.empty(), diary.byId(owner, new DiaryEntryId(UUID.randomUUID())));

        DiaryEntry edited = entry.edit(TODAY.minusDays(1), new DiaryTitle("Yesterday"), new DiaryText("Only two"), null,
                List.of(third.id(), first.id()), List.of(), TODAY, T0.plusSeconds(1));
        updated(edited);
        assertEquals(Optional.of(edited), diary.byId(owner, entry.id()));

        DiaryEntry unlinked = edited.edit(edited.entryDate(), null, edited.text(), new Mood(2), List.of(), List.of(), TODAY,
                T0.plusSeconds(2));
        updated(unlinked);
        assertEquals(Optional.of(unlinked), diary.byId(owner, entry.id()));
        assertEquals(List.of(unlinked), list(EVERY_ENTRY).items());
    }

    @Test
    void givenAnEntryHoldingAttachments_whenReadListedAndUpdated_thenTheyComeBackInOrderAndAreReplaced() {
        Attachment photo = aStoredImage(storage, owner, "finish.png");
        Attachment link = aStoredLink(storage, owner, "https://example.com/results");
        DiaryEntry entry = anEntry(owner).saying("Ran the race.").holding(photo, link).storedIn(storage);

        assertEquals(Optional.of(entry), diary.byId(owner, entry.id()));
        assertEquals(List.of(entry), list(EVERY_ENTRY).items());

        DiaryEntry replaced = entry.edit(TODAY, null, entry.text(), null, List.of(), List.of(link, photo), TODAY,
                T0.plusSeconds(1));
        updated(replaced);
        assertEquals(List.of(link, photo), diary.byId(owner, entry.id()).orElseThrow().attachments());

        DiaryEntry emptied = replaced.edit(TODAY, null, entry.text(), null, List.of(), List.of(), TODAY, T0.plusSeconds(2));
        updated(emptied);
        assertEquals(Optional.of(emptied), diary.byId(owner, entry.id()));
    }

    @Test
    void givenAnEntry_whenUpdatedFromAnyOtherVersion_thenStaleAndItAndItsLinksStay() {
        Goal goal = aGoal(owner).named("Kept").storedIn(storage);
        DiaryEntry entry = anEntry(owner).saying("Original").feeling(3).about(goal).storedIn(storage);
        DiaryEntry fromOldVersion = new DiaryEntry(entry.id(), owner, TODAY, null, new DiaryText("Lost"), null, List.of(),
                List.of(), T0, T0, 5);

        assertThrows(StaleVersionException.class, () -> updated(fromOldVersion));
        assertThrows(StaleVersionException.class, () -> updated(entry), "the same version again");
        assertThrows(StaleVersionException.class, () -> updated(anEntry(owner).build()
                .edit(TODAY, null, new DiaryText("Never stored"), null, List.of(), List.of(), TODAY, T0)));

        assertEquals(Optional.of(entry), diary.byId(owner, entry.id()));
    }

    @Test
    void givenAnEntryChangedSinceVersionOne_whenDeletedAtVersionOne_thenItStaysAndAtItsVersionItGoes() {
        DiaryEntry entry = anEntry(owner).saying("Sailed").storedIn(storage);
        DiaryEntry edited = entry.edit(TODAY, null, new DiaryText("Sailed far"), null, List.of(), List.of(), TODAY,
                T0.plusSeconds(1));
        updated(edited);

        assertFalse(diary.delete(owner, entry.id(), OptionalLong.of(1)));
        assertEquals(Optional.of(edited), diary.byId(owner, entry.id()));

        assertTrue(diary.delete(owner, entry.id(), OptionalLong.of(2)));
        assertEquals(Optional.empty(), diary.byId(owner, entry.id()));
        assertFalse(diary.delete(owner, entry.id(), ANY_VERSION), "already gone");
    }

    @Test
    void givenAnEntryLinkedToAGoal_whenDeletedAtAnyVersion_thenItGoesAndTheGoalStays() {
        Goal goal = aGoal(owner).storedIn(storage);
        DiaryEntry entry = anEntry(owner).about(goal).storedIn(storage);

        assertTrue(diary.delete(owner, entry.id(), ANY_VERSION));

        assertEquals(Optional.empty(), diary.byId(owner, entry.id()));
        assertEquals(0, list(EVERY_ENTRY).totalItems());
        assertEquals(goal, storage.goals().view(owner, goal.id()).orElseThrow().goal());
        assertFalse(diary.delete(owner, new DiaryEntryId(UUID.randomUUID()), ANY_VERSION), "never was");
    }

    @Test
    void givenEntriesOnSeveralDays_whenListedAndPaged_thenNewestDayFirstAndTiesByIdDescending() {
        List<UUID> ids = ascendingIds(4);
        anEntry(owner).withId(ids.get(1)).on(TODAY.minusDays(1)).saying("yesterday, lower id").storedIn(storage);
        anEntry(owner).withId(ids.get(0)).on(TODAY).saying("today, lower id").storedIn(storage);
        anEntry(owner).withId(ids.get(2)).on(TODAY.minusDays(1)).saying("yesterday, higher id").storedIn(storage);
        anEntry(owner).withId(ids.get(3)).on(TODAY).saying("today, higher id").storedIn(storage);

        Page<DiaryEntry> second = diary.list(owner, EVERY_ENTRY, new PageRequest(2, 3));

        assertEquals(List.of("today, higher id", "today, lower id", "yesterday, higher id", "yesterday, lower id"),
                texts(list(EVERY_ENTRY)));
        assertEquals(List.of("yesterday, lower id"), texts(second));
        assertEquals(4, second.totalItems());
        assertEquals(List.of(), diary.list(owner, EVERY_ENTRY, new PageRequest(3, 3)).items());
    }

    @Test
    void givenEntries_whenFilteredByDaysAndMood_thenBothEndsAreIncluded() {
        for (int daysAgo = 0; daysAgo < 6; daysAgo++) {
            EntryBuilder entry = anEntry(owner).on(TODAY.minusDays(daysAgo)).saying(daysAgo + " days ago");
            if (daysAgo % 2 == 0) {
                entry.feeling(5);
            }
            entry.storedIn(storage);
        }

        Page<DiaryEntry> between = list(new DiaryQuery(Optional.of(TODAY.minusDays(4)), Optional.of(TODAY.minusDays(2)),
                Optional.empty(), Optional.empty()));
        assertEquals(List.of("2 days ago", "3 days ago", "4 days ago"), texts(between));
        assertEquals(3, between.totalItems());
        assertEquals(List.of("0 days ago", "1 days ago"), texts(list(new DiaryQuery(Optional.of(TODAY.minusDays(1)),
                Optional.empty(), Optional.empty(), Optional.empty()))));
        assertEquals(List.of("4 days ago", "5 days ago"), texts(list(new DiaryQuery(Optional.empty(),
                Optional.of(TODAY.minusDays(4)), Optional.empty(), Optional.empty()))));
        Page<DiaryEntry> happy = list(new DiaryQuery(Optional.of(TODAY.minusDays(3)), Optional.empty(), Optional.empty(),
                Optional.of(new Mood(5))));
        assertEquals(List.of("0 days ago", "2 days ago"), texts(happy));
        assertEquals(2, happy.totalItems());
        assertEquals(List.of(), list(new DiaryQuery(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(new Mood(1)))).items());
    }

    @Test
    void givenRussianAndEnglishEntries_whenSearched_thenTitleAndTextMatchInEitherLanguagesForms() {
        anEntries();

        assertEquals(List.of("Пропустил тренировку, отдыхал", "Бегал по парку"), texts(search("тренировка")));
        assertEquals(List.of("Бегал по парку"), texts(search("тренировки парком")));
        assertEquals(List.of("Running is my meditation", "Ran along the river"), texts(search("running")));
        assertEquals(List.of("Бегал по парку"), texts(search("парк")));
        assertEquals(2, search("тренировка").totalItems());
        assertEquals(List.of(), search("swimming").items());
        assertEquals(0, search("swimming").totalItems());
    }

    @Test
    void givenEntries_whenSearchedForSeveralWords_thenEveryWordMustMatchWholeInTitleOrTextWhateverItsCase() {
        anEntries();

        assertEquals(List.of("Бегал по парку"), texts(search("утренние бегал")));
        assertEquals(List.of("Ran along the river"), texts(search("RIVER runs")));
        assertEquals(List.of("Running is my meditation"), texts(search("run meditation")));
        assertEquals(List.of(), texts(search("med")));
        assertEquals(List.of(), texts(search("river meditation")));
    }

    @Test
    void givenEntries_whenSearchedAndFiltered_thenBothApply() {
        anEntries();

        Page<DiaryEntry> found = list(new DiaryQuery(Optional.of(TODAY.minusDays(1)), Optional.empty(),
                Optional.of("running"), Optional.of(new Mood(5))));
        assertEquals(List.of("Running is my meditation", "Ran along the river"), texts(found));
        assertEquals(List.of(), list(new DiaryQuery(Optional.empty(), Optional.of(TODAY.minusDays(2)),
                Optional.of("running"), Optional.empty())).items());
    }

    @Test
    void givenEntriesOverMonthsAndYears_whenTotalled_thenCountsAverageMoodDaysAndMonthsInCalendarOrder() {
        anEntry(owner).on(LocalDate.of(2026, 1, 5)).saying("new year").feeling(4).storedIn(storage);
        anEntry(owner).on(LocalDate.of(2025, 12, 31)).saying("old year").feeling(2).storedIn(storage);
        anEntry(owner).on(LocalDate.of(2026, 1, 5)).saying("same day again").storedIn(storage);
        anEntry(owner).on(LocalDate.of(2026, 3, 1)).saying("spring").feeling(5).storedIn(storage);
        anEntry(owner).on(LocalDate.of(2025, 12, 30)).saying("before").storedIn(storage);
        anEntry(anOwner(storage)).on(LocalDate.of(2026, 2, 1)).saying("someone else's").feeling(1).storedIn(storage);

        Totals totals = diary.totals(owner);

        assertEquals(5, totals.entries());
        // (4 + 2 + 5) / 3: entries without a mood do not count
        assertEquals(11.0 / 3, totals.averageMood().orElseThrow(), 1e-9);
        assertEquals(List.of(LocalDate.of(2025, 12, 30), LocalDate.of(2025, 12, 31), LocalDate.of(2026, 1, 5),
                LocalDate.of(2026, 3, 1)), List.copyOf(totals.days()));
        assertEquals(List.of(new MonthCount(YearMonth.of(2025, 12), 2), new MonthCount(YearMonth.of(2026, 1), 2),
                new MonthCount(YearMonth.of(2026, 3), 1)), totals.months());
    }

    @Test
    void givenNoEntriesOrNoMoods_whenTotalled_thenZeroAndNoAverage() {
        assertEquals(new Totals(0, OptionalDouble.empty(), new TreeSet<>(), List.of()), diary.totals(owner));

        anEntry(owner).saying("no mood today").storedIn(storage);

        Totals totals = diary.totals(owner);
        assertEquals(1, totals.entries());
        assertEquals(OptionalDouble.empty(), totals.averageMood());
    }

    @Test
    void givenEntriesMovedToAnotherDayOrDeleted_whenTotalled_thenTheTotalsFollow() {
        DiaryEntry moved = anEntry(owner).on(LocalDate.of(2026, 10, 31)).feeling(1).storedIn(storage);
        DiaryEntry deleted = anEntry(owner).on(LocalDate.of(2026, 10, 30)).feeling(2).storedIn(storage);
        anEntry(owner).on(LocalDate.of(2026, 11, 1)).feeling(5).storedIn(storage);

        updated(moved.edit(LocalDate.of(2026, 11, 2), null, moved.text(), new Mood(3), List.of(), List.of(), TODAY,
                T0.plusSeconds(1)));
        assertTrue(diary.delete(owner, deleted.id(), ANY_VERSION));

        Totals totals = diary.totals(owner);
        assertEquals(2, totals.entries());
        assertEquals(4.0, totals.averageMood().orElseThrow(), 1e-9);
        assertEquals(List.of(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 2)), List.copyOf(totals.days()));
        assertEquals(List.of(new MonthCount(YearMonth.of(2026, 11), 2)), totals.months());
    }

    @Test
    void givenAnotherOwnersDiaryEntry_whenTheIntruderReadsListsUpdatesOrDeletesIt_thenNothingIsFoundOrChanged() {
        Goal goal = aGoal(owner).storedIn(storage);
        DiaryEntry entry = anEntry(owner).saying("First long run").feeling(4).about(goal).storedIn(storage);
        UserId intruder = anOwner(storage);
        DiaryEntry forged = new DiaryEntry(entry.id(), intruder, TODAY, null, new DiaryText("Mine now"), null, List.of(),
                List.of(), entry.createdAt(), entry.updatedAt(), entry.version() + 1);

        assertEquals(Optional.empty(), diary.byId(intruder, entry.id()));
        for (DiaryQuery query : List.of(EVERY_ENTRY, new DiaryQuery(Optional.of(TODAY), Optional.of(TODAY),
                Optional.of("run"), Optional.of(new Mood(4))))) {
            Page<DiaryEntry> page = diary.list(intruder, query, PageRequest.first());
            assertEquals(List.of(), page.items());
            assertEquals(0, page.totalItems());
        }
        assertThrows(StaleVersionException.class, () -> updated(forged));
        assertFalse(diary.delete(intruder, entry.id(), ANY_VERSION));
        assertFalse(diary.delete(intruder, entry.id(), OptionalLong.of(entry.version())));
        assertEquals(new Totals(0, OptionalDouble.empty(), new TreeSet<>(), List.of()), diary.totals(intruder));

        assertEquals(Optional.of(entry), diary.byId(owner, entry.id()));
    }

    @Test
    void givenAnAccountWithEntries_whenTheAccountIsDeleted_thenItsEntriesAndTheirTotalsGoAndAnotherOwnersStay() {
        Goal goal = aGoal(owner).storedIn(storage);
        DiaryEntry entry = anEntry(owner).feeling(3).about(goal).storedIn(storage);
        UserId neighbour = anOwner(storage);
        DiaryEntry theirs = anEntry(neighbour).storedIn(storage);

        assertTrue(storage.users().delete(owner, ANY_VERSION));

        assertEquals(Optional.empty(), diary.byId(owner, entry.id()));
        assertEquals(0, list(EVERY_ENTRY).totalItems());
        assertEquals(new Totals(0, OptionalDouble.empty(), new TreeSet<>(), List.of()), diary.totals(owner));
        assertEquals(Optional.of(theirs), diary.byId(neighbour, theirs.id()));
    }

    @Test
    void givenAnAccountDeletedInATransactionThatFails_whenItRollsBack_thenItsEntriesAndTheirLinksAreBack() {
        Goal goal = aGoal(owner).storedIn(storage);
        DiaryEntry entry = anEntry(owner).feeling(3).about(goal).storedIn(storage);

        assertThrows(IllegalStateException.class, () -> storage.transactions().inTransaction(() -> {
            storage.users().delete(owner, ANY_VERSION);
            throw new IllegalStateException("the use case fails after the delete");
        }));

        assertEquals(Optional.of(entry), diary.byId(owner, entry.id()));
        assertEquals(1, diary.totals(owner).entries());
    }

    /** Four entries of the owner's, on four days up to today, two of them titled, in Russian and English. */
    private void anEntries() {
        anEntry(owner).on(TODAY.minusDays(3)).titled("Утренние тренировки").saying("Бегал по парку").feeling(4)
                .storedIn(storage);
        anEntry(owner).on(TODAY.minusDays(2)).saying("Пропустил тренировку, отдыхал").feeling(2).storedIn(storage);
        anEntry(owner).on(TODAY.minusDays(1)).titled("Long runs").saying("Ran along the river").feeling(5).storedIn(storage);
        anEntry(owner).on(TODAY).saying("Running is my meditation").feeling(5).storedIn(storage);
    }

    /** Stores a change to an entry in a transaction of its own, as a use case does. */
    private void updated(DiaryEntry changed) {
        storage.transactions().inTransaction(() -> {
            diary.update(changed);
            return null;
        });
    }

    /** The owner's entries matching {@code text}, newest first. */
    private Page<DiaryEntry> search(String text) {
        return list(new DiaryQuery(Optional.empty(), Optional.empty(), Optional.of(text), Optional.empty()));
    }

    private Page<DiaryEntry> list(DiaryQuery query) {
        return diary.list(owner, query, new PageRequest(1, 100));
    }

    private static List<String> texts(Page<DiaryEntry> page) {
        return page.items().stream().map(entry -> entry.text().value()).toList();
    }
}
