package org.dreamdiary.application.service.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.dreamdiary.application.service.planning.PlanningFakes.CountingTransactions;
import org.dreamdiary.application.service.planning.PlanningFakes.InMemoryDiaryEntries;
import org.dreamdiary.application.service.planning.PlanningFakes.InMemoryDreams;
import org.dreamdiary.application.service.planning.PlanningFakes.InMemoryGoals;
import org.dreamdiary.application.service.planning.PlanningFakes.InMemoryTasks;
import org.dreamdiary.application.service.planning.PlanningFakes.SequentialIds;
import org.dreamdiary.domain.diary.DiaryEntry;
import org.dreamdiary.domain.diary.DiaryEntryId;
import org.dreamdiary.domain.diary.DiaryText;
import org.dreamdiary.domain.error.StaleVersionException;
import org.dreamdiary.domain.planning.Dream;
import org.dreamdiary.domain.planning.DreamId;
import org.dreamdiary.domain.planning.Goal;
import org.dreamdiary.domain.planning.GoalId;
import org.dreamdiary.domain.planning.GoalStatus;
import org.dreamdiary.domain.planning.Name;
import org.dreamdiary.domain.planning.Task;
import org.dreamdiary.domain.planning.TaskId;
import org.dreamdiary.domain.planning.TaskText;
import org.dreamdiary.domain.user.UserId;
import org.junit.jupiter.api.Test;

/** The fakes the use-case tests lean on keep the port contracts; if they did not, those tests would prove little. */
class PlanningFakesTest {

    private static final Instant NOW = Instant.parse("2024-06-01T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2024, 6, 1);

    private final SequentialIds ids = new SequentialIds();
    private final UserId alice = new UserId(ids.next());
    private final UserId bob = new UserId(ids.next());
    private final CountingTransactions transactions = new CountingTransactions();
    private final InMemoryTasks tasks = transactions.register(new InMemoryTasks(transactions));
    private final InMemoryGoals goals = transactions.register(new InMemoryGoals(transactions, tasks));
    private final InMemoryDreams dreams = transactions.register(new InMemoryDreams(transactions, goals));
    private final InMemoryDiaryEntries diary = transactions.register(new InMemoryDiaryEntries(transactions));

    private Goal goal(UserId owner) {
        Goal goal = Goal.create(new GoalId(ids.next()), owner, null, new Name("Goal"), null, null, NOW);
        goals.add(goal);
        return goal;
    }

    private Task task(Goal goal, String text, int position) {
        Task task = Task.create(new TaskId(ids.next()), goal.owner(), goal.id(), new TaskText(text), null, null, position, List.of(), NOW);
        tasks.add(task);
        return task;
    }

    private Task moved(Task task, int position) {
        return task.edit(task.text(), task.notes(), task.dueDate(), task.done(), position, List.of(), NOW);
    }

    private List<String> textsOf(Goal goal) {
        return tasks.ofGoal(goal.id()).stream().map(task -> task.position() + ":" + task.text().value()).toList();
    }

    @Test
    void everyStoreTakesAChangeOnlyWhenTheStoredVersionIsTheOneBeforeIt() {
        Dream dream = Dream.create(new DreamId(ids.next()), alice, new Name("Dream"), null, List.of(), NOW);
        dreams.add(dream);
        Goal goal = goal(alice);
        Task task = task(goal, "A", 1);
        DiaryEntry entry = DiaryEntry.create(new DiaryEntryId(ids.next()), alice, TODAY, null, new DiaryText("x"), null,
                List.of(), List.of(), TODAY, NOW);
        diary.add(entry);

        Dream twoAhead = dream.edit(dream.name(), null, List.of(), NOW).edit(dream.name(), null, List.of(), NOW);
        assertThatThrownBy(() -> dreams.update(twoAhead)).isInstanceOf(StaleVersionException.class);
        assertThatThrownBy(() -> dreams.update(dream)).as("the same version again").isInstanceOf(StaleVersionException.class);
        Goal twoAheadGoal = goal.edit(null, goal.name(), null, null, GoalStatus.ACTIVE, NOW)
                .edit(null, goal.name(), null, null, GoalStatus.ACTIVE, NOW);
        assertThatThrownBy(() -> goals.update(twoAheadGoal)).isInstanceOf(StaleVersionException.class);
        assertThatThrownBy(() -> tasks.update(moved(moved(task, 1), 1), 1)).isInstanceOf(StaleVersionException.class);
        DiaryEntry twoAheadEntry = entry.edit(TODAY, null, new DiaryText("y"), null, List.of(), List.of(), TODAY, NOW)
                .edit(TODAY, null, new DiaryText("z"), null, List.of(), List.of(), TODAY, NOW);
        assertThatThrownBy(() -> diary.update(twoAheadEntry)).isInstanceOf(StaleVersionException.class);

        dreams.update(dream.edit(new Name("Next"), null, List.of(), NOW));
        assertThat(dreams.byId(alice, dream.id()).orElseThrow().name()).isEqualTo(new Name("Next"));
    }

    @Test
    void anotherOwnersThingsAreInvisible() {
        Dream dream = Dream.create(new DreamId(ids.next()), alice, new Name("Dream"), null, List.of(), NOW);
        dreams.add(dream);
        Goal goal = goal(alice);
        Task task = task(goal, "A", 1);

        assertThat(dreams.byId(bob, dream.id())).isEmpty();
        assertThat(dreams.view(bob, dream.id())).isEmpty();
        assertThat(dreams.delete(bob, dream.id(), OptionalLong.empty())).isFalse();
        assertThat(goals.lock(bob, goal.id())).isEmpty();
        assertThat(goals.view(bob, goal.id())).isEmpty();
        assertThat(goals.existing(bob, Set.of(goal.id()))).isEmpty();
        assertThat(goals.existing(alice, Set.of(goal.id()))).containsExactly(goal.id());
        assertThat(goals.delete(bob, goal.id(), OptionalLong.empty())).isFalse();
        assertThat(tasks.byId(bob, task.id())).isEmpty();
        assertThat(dreams.byId(alice, dream.id())).isPresent();
        assertThat(tasks.byId(alice, task.id())).isPresent();
    }

    @Test
    void movingATaskShiftsTheOthersAndKeepsPositionsOneToN() {
        Goal goal = goal(alice);
        Task a = task(goal, "A", 1);
        task(goal, "B", 2);
        Task c = task(goal, "C", 3);
        task(goal, "D", 4);

        tasks.update(moved(c, 1), 3);
        assertThat(textsOf(goal)).containsExactly("1:C", "2:A", "3:B", "4:D");

        tasks.update(moved(tasks.stored(a.id()).orElseThrow(), 4), 2);
        assertThat(textsOf(goal)).containsExactly("1:C", "2:B", "3:D", "4:A");
    }

    @Test
    void deletingATaskClosesTheGap() {
        Goal goal = goal(alice);
        task(goal, "A", 1);
        Task b = task(goal, "B", 2);
        task(goal, "C", 3);

        tasks.delete(b, OptionalLong.empty());

        assertThat(textsOf(goal)).containsExactly("1:A", "2:C");
    }

    @Test
    void aTaskCanOnlyBeAddedAtTheEndOfItsGoal() {
        Goal goal = goal(alice);
        task(goal, "A", 1);

        assertThatThrownBy(() -> task(goal, "B", 1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> task(goal, "B", 3)).isInstanceOf(IllegalStateException.class);
        assertThat(textsOf(goal)).containsExactly("1:A");
    }

    @Test
    void deletingADreamLeavesItsGoalsWithoutOneAndDeletingAGoalTakesItsTasks() {
        Dream dream = Dream.create(new DreamId(ids.next()), alice, new Name("Dream"), null, List.of(), NOW);
        dreams.add(dream);
        Goal goal = Goal.create(new GoalId(ids.next()), alice, dream.id(), new Name("Goal"), null, null, NOW);
        goals.add(goal);
        Task task = task(goal, "A", 1);
        assertThat(dreams.view(alice, dream.id()).orElseThrow().goalCount()).isEqualTo(1);

        dreams.delete(alice, dream.id(), OptionalLong.empty());
        assertThat(goals.stored(goal.id()).orElseThrow().dream()).isNull();
        assertThat(goals.stored(goal.id()).orElseThrow().version()).isEqualTo(goal.version());

        goals.delete(alice, goal.id(), OptionalLong.empty());
        assertThat(tasks.stored(task.id())).isEmpty();
    }

    @Test
    void aFailingTransactionLeavesTheStoresAsTheyWereAndReleasesItsLocks() {
        Goal goal = goal(alice);
        int begunBefore = transactions.begun();

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            goals.lock(alice, goal.id());
            task(goal, "A", 1);
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        assertThat(tasks.count()).isZero();
        assertThat(transactions.begun()).isEqualTo(begunBefore + 1);
        assertThat(transactions.rolledBack()).isEqualTo(1);
        assertThat(transactions.unlockedTaskWrites()).isEmpty();

        transactions.inTransaction(() -> task(goal, "A", 1));
        assertThat(transactions.unlockedTaskWrites()).as("the lock ended with its transaction").containsExactly("tasks.add");
    }

    @Test
    void writesOutsideATransactionAreNoted() {
        goal(alice);

        assertThat(transactions.writesOutside()).containsExactly("goals.add");
    }
}
