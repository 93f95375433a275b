package org.dreamdiary.persistence.contract;

import static org.dreamdiary.persistence.contract.TestPlanning.T0;
import static org.dreamdiary.persistence.contract.TestPlanning.TODAY;
import static org.dreamdiary.persistence.contract.TestPlanning.aDream;
import static org.dreamdiary.persistence.contract.TestPlanning.aGoal;
import static org.dreamdiary.persistence.contract.TestPlanning.aTask;
import static org.dreamdiary.persistence.contract.TestPlanning.anEntry;
import static org.dreamdiary.persistence.contract.TestPlanning.anOwner;
import static org.dreamdiary.persistence.contract.TestPlanning.ascendingIds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.planning.GoalQuery;
import org.dreamdiary.application.planning.GoalView;
import org.dreamdiary.application.port.out.planning.Goals;
import org.dreamdiary.application.port.out.planning.Tasks.TaskCounts;
import org.dreamdiary.domain.diary.DiaryEntry;
import org.dreamdiary.domain.error.StaleVersionException;
import org.dreamdiary.domain.planning.Description;
import org.dreamdiary.domain.planning.Dream;
import org.dreamdiary.domain.planning.Goal;
import org.dreamdiary.domain.planning.GoalId;
import org.dreamdiary.domain.planning.GoalStatus;
import org.dreamdiary.domain.planning.Name;
import org.dreamdiary.domain.planning.Progress;
import org.dreamdiary.domain.planning.Task;
import org.dreamdiary.domain.user.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every implementation of the {@link Goals} port promises: a goal's progress derived from its tasks whenever
 * it is read, filters, newest first with ties by id, paging, the lock that makes changes to a goal's tasks wait
 * for each other, optimistic versions, what a deletion takes with it, and that nothing of another owner's is seen
 * or touched.
 */
public abstract class GoalsContract extends StorageContract {
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    private static final GoalQuery EVERY_GOAL = new GoalQuery(Optional.empty(), Optional.empty(), Optional.empty());
    private static final OptionalLong ANY_VERSION = OptionalLong.empty();
    /** How long a transaction holding a lock waits before it ends, giving another the time to barge in if it could. */
    private static final Duration HOLD = Duration.ofMillis(300);

    private Goals goals;
    private UserId owner;

    @BeforeEach
    final void aNewOwner() {
        goals = storage.goals();
        owner = anOwner(storage);
    }

    @Test
    void givenANewGoal_whenLockedOrViewed_thenItComesBackAsWrittenWithoutProgress() {
        Dream dream = aDream(owner).storedIn(storage);
        Goal goal = aGoal(owner).of(dream).named("Run").describedAs("Far").due(DAY).storedIn(storage);
        Goal plain = aGoal(owner).named("Walk").storedIn(storage);

        assertEquals(Optional.of(goal), storage.transactions().inTransaction(() -> goals.lock(owner, goal.id())));
        assertEquals(Optional.of(new GoalView(goal, new Progress(0, 0))), goals.view(owner, goal.id()));
        assertEquals(Optional.of(new GoalView(plain, new Progress(0, 0))), goals.view(owner, plain.id()));
        GoalId unknown = new GoalId(UUID.randomUUID());
        assertEquals(Optional.empty(), goals.view(owner, unknown));
        assertEquals(Optional.empty(), storage.transactions().inTransaction(() -> goals.lock(owner, unknown)));
    }

    @Test
    void givenAGoalWithTasksSomeDone_whenViewedOrListed_thenItsProgressCountsThem() {
        Goal goal = aGoal(owner).named("Read three books").createdAt(T0).storedIn(storage);
        Goal empty = aGoal(owner).named("Nothing planned").createdAt(T0.plusSeconds(1)).storedIn(storage);
        aTask(goal).saying("Book one").done().storedIn(storage);
        aTask(goal).saying("Book two").done().storedIn(storage);
        Task third = aTask(goal).saying("Book three").storedIn(storage);

        assertEquals(Optional.of(new GoalView(goal, new Progress(2, 3))), goals.view(owner, goal.id()));
        assertEquals(67, goals.view(owner, goal.id()).orElseThrow().progress().percent());
        assertEquals(List.of(new GoalView(empty, new Progress(0, 0)), new GoalView(goal, new Progress(2, 3))),
                list(EVERY_GOAL).items());

        storage.tasks().update(third.edit(third.text(), null, null, true, 3, List.of(), T0.plusSeconds(2)), 3);
        assertEquals(new Progress(3, 3), goals.view(owner, goal.id()).orElseThrow().progress());
        assertTrue(storage.tasks().delete(storage.tasks().byId(owner, third.id()).orElseThrow(), ANY_VERSION));
        assertEquals(new Progress(2, 2), goals.view(owner, goal.id()).orElseThrow().progress());
    }

    @Test
    void givenGoalsOfSeveralKinds_whenFiltered_thenStatusDreamAndStrictlyEarlierDueDatesSelect() {
        Dream dream = aDream(owner).named("Health").storedIn(storage);
        Goal early = aGoal(owner).of(dream).named("Early").due(DAY.minusDays(1)).createdAt(T0).storedIn(storage);
        Goal onTheDay = aGoal(owner).of(dream).named("On the day").due(DAY).in(GoalStatus.ACHIEVED)
                .createdAt(T0.plusSeconds(1)).storedIn(storage);
        Goal undated = aGoal(owner).named("Undated").createdAt(T0.plusSeconds(2)).storedIn(storage);
        Goal abandoned = aGoal(owner).named("Abandoned").due(DAY.minusDays(10)).in(GoalStatus.ABANDONED)
                .createdAt(T0.plusSeconds(3)).storedIn(storage);

        assertEquals(List.of(undated, early), goals(new GoalQuery(Optional.of(GoalStatus.ACTIVE), Optional.empty(),
                Optional.empty())));
        assertEquals(List.of(abandoned), goals(new GoalQuery(Optional.of(GoalStatus.ABANDONED), Optional.empty(),
                Optional.empty())));
        assertEquals(List.of(onTheDay, early), goals(GoalQuery.ofDream(dream.id())));
        assertEquals(List.of(abandoned, early), goals(new GoalQuery(Optional.empty(), Optional.empty(), Optional.of(DAY))));
        Page<GoalView> combined = list(new GoalQuery(Optional.of(GoalStatus.ACTIVE), Optional.of(dream.id()),
                Optional.of(DAY)));
        assertEquals(List.of(early), goals(combined));
        assertEquals(1, combined.totalItems());
        assertEquals(4, list(EVERY_GOAL).totalItems());
    }

    @Test
    void givenGoalsCreatedTogetherAndApart_whenListedAndPaged_thenNewestFirstTiesByIdDescending() {
        List<UUID> ids = ascendingIds(3);
        Goal oldest = aGoal(owner).withId(ids.get(1)).named("Oldest").createdAt(T0).storedIn(storage);
        Goal tiedLow = aGoal(owner).withId(ids.get(0)).named("Tied, lower id").createdAt(T0.plusSeconds(1)).storedIn(storage);
        Goal tiedHigh = aGoal(owner).withId(ids.get(2)).named("Tied, higher id").createdAt(T0.plusSeconds(1))
                .storedIn(storage);

        assertEquals(List.of(tiedHigh, tiedLow, oldest), goals(EVERY_GOAL));
        Page<GoalView> second = goals.list(owner, EVERY_GOAL, new PageRequest(2, 2));
        assertEquals(List.of(oldest), goals(second));
        assertEquals(3, second.totalItems());
        assertEquals(List.of(), goals.list(owner, EVERY_GOAL, new PageRequest(3, 2)).items());
    }

    @Test
    void givenAGoalMovedToAnotherDream_whenListedByDream_thenItIsListedUnderItsNewDreamOnly() {
        Dream first = aDream(owner).named("First").storedIn(storage);
        Dream second = aDream(owner).named("Second").storedIn(storage);
        Goal goal = aGoal(owner).of(first).storedIn(storage);

        Goal moved = goal.edit(second.id(), goal.name(), null, null, GoalStatus.ACTIVE, T0.plusSeconds(1));
        goals.update(moved);

        assertEquals(List.of(), goals(GoalQuery.ofDream(first.id())));
        assertEquals(List.of(moved), goals(GoalQuery.ofDream(second.id())));
    }

    @Test
    void givenGoalsOfTwoOwners_whenAskedWhichExist_thenOnlyTheOwnersOwnAreReturned() {
        Goal mine = aGoal(owner).named("Mine").storedIn(storage);
        Goal alsoMine = aGoal(owner).named("Also mine").storedIn(storage);
        Goal theirs = aGoal(anOwner(storage)).named("Theirs").storedIn(storage);
        GoalId missing = new GoalId(UUID.randomUUID());

        assertEquals(Set.of(mine.id(), alsoMine.id()), goals.existing(owner, List.of(mine.id(), theirs.id(), missing,
                alsoMine.id())));
        assertEquals(Set.of(), goals.existing(owner, List.of(theirs.id(), missing)));
        assertEquals(Set.of(), goals.existing(owner, List.of()));
    }

    @Test
    void givenAGoalWithTasksAndDiaryLinks_whenDeleted_thenItsTasksAndLinksGoButTheEntriesStayAsTheyWere() {
        Goal doomed = aGoal(owner).named("Doomed").storedIn(storage);
        Goal kept = aGoal(owner).named("Kept").storedIn(storage);
        Task one = aTask(doomed).saying("One").storedIn(storage);
        aTask(doomed).saying("Two").storedIn(storage);
        Task stays = aTask(kept).saying("Stays").storedIn(storage);
        DiaryEntry entry = anEntry(owner).saying("Worked on both").about(kept, doomed).storedIn(storage);

        assertTrue(goals.delete(owner, doomed.id(), ANY_VERSION));

        assertEquals(Optional.empty(), goals.view(owner, doomed.id()));
        assertEquals(Optional.empty(), storage.tasks().byId(owner, one.id()));
        assertEquals(new TaskCounts(0, 0), storage.tasks().counts(doomed.id()));
        assertEquals(Optional.of(stays), storage.tasks().byId(owner, stays.id()));
        assertEquals(Optional.of(new DiaryEntry(entry.id(), owner, entry.entryDate(), entry.title(), entry.text(),
                entry.mood(), List.of(kept.id()), entry.attachments(), entry.createdAt(), entry.updatedAt(),
                entry.version())), storage.diaryEntries().byId(owner, entry.id()));
        assertFalse(goals.delete(owner, doomed.id(), ANY_VERSION), "already gone");
    }

    @Test
    void givenAGoal_whenUpdatedFromTheVersionStored_thenStoredAndFromAnyOtherStaleWithNothingChanged() {
        Goal goal = aGoal(owner).named("Original").storedIn(storage);
        Goal edited = goal.edit(null, new Name("Edited"), new Description("Now described"), DAY, GoalStatus.ABANDONED,
                T0.plusSeconds(5));
        goals.update(edited);

        Goal fromOldVersion = goal.edit(null, new Name("Lost update"), null, null, GoalStatus.ACTIVE, T0.plusSeconds(9));
        assertThrows(StaleVersionException.class, () -> goals.update(fromOldVersion));
        assertThrows(StaleVersionException.class, () -> goals.update(edited), "the same version again");
        assertThrows(StaleVersionException.class, () -> goals.update(aGoal(owner).build()
                .edit(null, new Name("Never stored"), null, null, GoalStatus.ACTIVE, T0)));

        assertEquals(edited, goals.view(owner, goal.id()).orElseThrow().goal());
    }

    @Test
    void givenAGoalChangedSinceVersionOne_whenDeletedAtVersionOne_thenItAndItsTasksStayAndAtItsVersionTheyGo() {
        Goal goal = aGoal(owner).named("Learn").storedIn(storage);
        Task step = aTask(goal).saying("Step").storedIn(storage);
        Goal abandoned = goal.edit(null, goal.name(), null, null, GoalStatus.ABANDONED, T0.plusSeconds(1));
        goals.update(abandoned);

        assertFalse(goals.delete(owner, goal.id(), OptionalLong.of(1)));
        assertEquals(abandoned, goals.view(owner, goal.id()).orElseThrow().goal());
        assertEquals(Optional.of(step), storage.tasks().byId(owner, step.id()));

        assertTrue(goals.delete(owner, goal.id(), OptionalLong.of(2)));
        assertEquals(Optional.empty(), storage.tasks().byId(owner, step.id()));
    }

    @Test
    void givenAGoalDeletedInATransactionThatFails_whenItRollsBack_thenTheGoalItsTasksAndItsLinksAreAllBack() {
        Goal goal = aGoal(owner).storedIn(storage);
        Task task = aTask(goal).storedIn(storage);
        DiaryEntry entry = anEntry(owner).about(goal).storedIn(storage);

        assertThrows(IllegalStateException.class, () -> storage.transactions().inTransaction(() -> {
            goals.delete(owner, goal.id(), ANY_VERSION);
            throw new IllegalStateException("the use case fails after the delete");
        }));

        assertEquals(Optional.of(new GoalView(goal, new Progress(0, 1))), goals.view(owner, goal.id()));
        assertEquals(Optional.of(task), storage.tasks().byId(owner, task.id()));
        assertEquals(Optional.of(entry), storage.diaryEntries().byId(owner, entry.id()));
    }

    @Test
    void givenAnotherOwnersGoal_whenTheIntruderLocksReadsListsUpdatesOrDeletesIt_thenNothingIsFoundOrChanged() {
        Dream dream = aDream(owner).storedIn(storage);
        Goal goal = aGoal(owner).of(dream).due(TODAY).storedIn(storage);
        Task task = aTask(goal).storedIn(storage);
        UserId intruder = anOwner(storage);
        Goal forged = new Goal(goal.id(), intruder, null, new Name("Mine now"), null, null, GoalStatus.ABANDONED,
                goal.createdAt(), goal.updatedAt(), goal.version() + 1);

        assertEquals(Optional.empty(), storage.transactions().inTransaction(() -> goals.lock(intruder, goal.id())));
        assertEquals(Optional.empty(), goals.view(intruder, goal.id()));
        for (GoalQuery query : List.of(EVERY_GOAL, GoalQuery.ofDream(dream.id()),
                new GoalQuery(Optional.of(GoalStatus.ACTIVE), Optional.empty(), Optional.of(TODAY.plusDays(1))))) {
            Page<GoalView> page = goals.list(intruder, query, PageRequest.first());
            assertEquals(List.of(), page.items());
            assertEquals(0, page.totalItems());
        }
        assertEquals(Set.of(), goals.existing(intruder, List.of(goal.id())));
        assertThrows(StaleVersionException.class, () -> goals.update(forged));
        assertFalse(goals.delete(intruder, goal.id(), ANY_VERSION));
        assertFalse(goals.delete(intruder, goal.id(), OptionalLong.of(goal.version())));

        assertEquals(Optional.of(new GoalView(goal, new Progress(0, 1))), goals.view(owner, goal.id()));
        assertEquals(Optional.of(task), storage.tasks().byId(owner, task.id()));
    }

    @Test
    void givenAGoalLockedInATransaction_whenAnotherTransactionLocksIt_thenTheOtherWaitsUntilTheFirstHasEnded()
            throws Exception {
        Goal goal = aGoal(owner).storedIn(storage);
        List<String> seen = Collections.synchronizedList(new ArrayList<>());

        CompletableFuture<?> second = storage.transactions().inTransaction(() -> {
            goals.lock(owner, goal.id());
            seen.add("first locked");
            CompletableFuture<?> other = CompletableFuture.runAsync(() -> storage.transactions().inTransaction(() -> {
                goals.lock(owner, goal.id());
                return seen.add("second locked");
            }));
            pause(HOLD);
            seen.add("first ending");
            return other;
        });
        second.get(30, TimeUnit.SECONDS);

        assertEquals(List.of("first locked", "first ending", "second locked"), seen);
    }

    @Test
    void givenAnAccountWithGoals_whenTheAccountIsDeleted_thenItsGoalsAndTheirTasksGoAndAnotherOwnersStay() {
        Goal goal = aGoal(owner).storedIn(storage);
        Task task = aTask(goal).storedIn(storage);
        UserId neighbour = anOwner(storage);
        Goal theirs = aGoal(neighbour).storedIn(storage);

        assertTrue(storage.users().delete(owner, ANY_VERSION));

        assertEquals(Optional.empty(), goals.view(owner, goal.id()));
        assertEquals(0, list(EVERY_GOAL).totalItems());
        assertEquals(Set.of(), goals.existing(owner, List.of(goal.id())));
        assertEquals(Optional.empty(), storage.tasks().byId(owner, task.id()));
        assertEquals(new TaskCounts(0, 0), storage.tasks().counts(goal.id()));
        assertEquals(Optional.of(new GoalView(theirs, new Progress(0, 0))), goals.view(neighbour, theirs.id()));
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Page<GoalView> list(GoalQuery query) {
        return goals.list(owner, query, new PageRequest(1, 100));
    }

    private List<Goal> goals(GoalQuery query) {
        return goals(list(query));
    }

    private static List<Goal> goals(Page<GoalView> page) {
        return page.items().stream().map(GoalView::goal).toList();
    }
}
