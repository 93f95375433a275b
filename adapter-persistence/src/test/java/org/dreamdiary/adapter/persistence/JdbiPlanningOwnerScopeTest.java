package org.dreamdiary.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.dreamdiary.application.diary.DiaryQuery;
import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.planning.AgendaQuery;
import org.dreamdiary.application.planning.DreamQuery;
import org.dreamdiary.application.planning.DreamQuery.DreamSort;
import org.dreamdiary.application.planning.GoalQuery;
import org.dreamdiary.domain.diary.DiaryEntry;
import org.dreamdiary.domain.diary.DiaryText;
import org.dreamdiary.domain.error.StaleVersionException;
import org.dreamdiary.domain.planning.Dream;
import org.dreamdiary.domain.planning.Goal;
import org.dreamdiary.domain.planning.GoalStatus;
import org.dreamdiary.domain.planning.Name;
import org.dreamdiary.domain.planning.Task;
import org.dreamdiary.domain.planning.TaskText;
import org.dreamdiary.domain.user.UserId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every read, update and delete is scoped to the owner in SQL: another user who knows the ids finds nothing and
 * changes nothing. "Unchanged" is checked on the rows themselves, not through the adapters.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbiPlanningOwnerScopeTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    private static final AgendaQuery EVERY_TASK = new AgendaQuery(Optional.empty(), Optional.empty(), Optional.empty());

    private PlanningFixture data;
    private UserId victim;
    private UserId intruder;
    private Dream dream;
    private Goal goal;
    private Task first;
    private Task second;
    private Task third;
    private DiaryEntry entry;

    @BeforeAll
    void migrate() {
        data = PlanningFixture.onFreshSchema();
    }

    @BeforeEach
    void aVictimWithOneOfEverythingAndAnIntruderWithNothing() {
        victim = data.owner();
        intruder = data.owner();
        dream = data.dream(victim, "Run a marathon");
        goal = data.goal(victim, dream, "Run 42 km", TODAY.plusDays(30), GoalStatus.ACTIVE, PlanningFixture.T0);
        first = data.task(victim, goal, "Buy shoes", TODAY.minusDays(1), false, 1);
        second = data.task(victim, goal, "Run 10 km", TODAY, false, 2);
        third = data.task(victim, goal, "Run 21 km", null, false, 3);
        entry = data.entry(victim, TODAY, "First long run", 4, List.of(goal.id()));
    }

    @Test
    void givenAnotherOwnersDream_whenTheIntruderReadsListsUpdatesOrDeletesIt_thenNothingIsFoundOrChanged() {
        String before = data.row("dreams", dream.id().value());
        Dream forged = new Dream(dream.id(), intruder, new Name("Mine now"), null, List.of(), dream.createdAt(), dream.updatedAt(),
                dream.version() + 1);

        assertThat(data.dreams.byId(intruder, dream.id())).isEmpty();
        assertThat(data.dreams.view(intruder, dream.id())).isEmpty();
        Page<?> page = data.dreams.list(intruder, new DreamQuery(Optional.empty(), Optional.of("marathon"),
                DreamSort.CREATED_DESC), PageRequest.first());
        assertThat(page.items()).isEmpty();
        assertThat(page.totalItems()).isZero();
        assertThatThrownBy(() -> data.dreams.update(forged)).isInstanceOf(StaleVersionException.class);
        assertThat(data.dreams.delete(intruder, dream.id(), OptionalLong.empty())).isFalse();

        assertThat(data.row("dreams", dream.id().value())).isEqualTo(before);
        assertThat(data.dreams.byId(victim, dream.id())).contains(dream);
    }

    @Test
    void givenAnotherOwnersGoal_whenTheIntruderLocksReadsListsUpdatesOrDeletesIt_thenNothingIsFoundOrChanged() {
        String before = data.row("goals", goal.id().value());
        Goal forged = new Goal(goal.id(), intruder, null, new Name("Mine now"), null, null, GoalStatus.ABANDONED,
                goal.createdAt(), goal.updatedAt(), goal.version() + 1);

        Optional<Goal> locked = data.jdbi.inTransaction(handle -> data.goals.lock(intruder, goal.id()));
        assertThat(locked).isEmpty();
        assertThat(data.goals.view(intruder, goal.id())).isEmpty();
        Page<?> page = data.goals.list(intruder, GoalQuery.ofDream(dream.id()), PageRequest.first());
        assertThat(page.items()).isEmpty();
        assertThat(page.totalItems()).isZero();
        assertThat(data.goals.existing(intruder, List.of(goal.id()))).isEmpty();
        assertThatThrownBy(() -> data.goals.update(forged)).isInstanceOf(StaleVersionException.class);
        assertThat(data.goals.delete(intruder, goal.id(), OptionalLong.empty())).isFalse();

        assertThat(data.row("goals", goal.id().value())).isEqualTo(before);
        assertThat(data.count("SELECT count(*) FROM tasks WHERE goal_id = ?", goal.id().value())).isEqualTo(3);
    }

    @Test
    void givenAnotherOwnersTasks_whenTheIntruderReadsOrListsThem_thenNothingIsFound() {
        assertThat(data.tasks.byId(intruder, first.id())).isEmpty();
        Page<Task> ofGoal = data.tasks.ofGoal(intruder, goal.id(), Optional.empty(), PageRequest.first());
        assertThat(ofGoal.items()).isEmpty();
        assertThat(ofGoal.totalItems()).isZero();
        Page<Task> agenda = data.tasks.agenda(intruder, EVERY_TASK, TODAY, PageRequest.first());
        assertThat(agenda.items()).isEmpty();
        assertThat(agenda.totalItems()).isZero();
    }

    @Test
    void givenAnotherOwnersTask_whenTheIntruderUpdatesIt_thenTheVersionCheckFailsAndNoRowMoves() {
        String before = data.row("tasks", first.id().value());
        Task sameSpot = asIntruder(first, first.position());
        // moving to the top shifts the victim's other tasks first; the failed version check must undo that
        Task moved = asIntruder(third, 1);

        assertThatThrownBy(() -> data.tasks.update(sameSpot, first.position())).isInstanceOf(StaleVersionException.class);
        // as every use case runs it: in one transaction, so that a failure undoes what went before
        assertThatThrownBy(() -> data.jdbi.useTransaction(handle -> data.tasks.update(moved, third.position())))
                .isInstanceOf(StaleVersionException.class);

        assertThat(data.row("tasks", first.id().value())).isEqualTo(before);
        assertThat(data.positions(goal.id())).containsExactly("Buy shoes@1", "Run 10 km@2", "Run 21 km@3");
    }

    @Test
    void givenAnotherOwnersTask_whenTheIntruderDeletesIt_thenItStaysAndNoPositionMoves() {
        data.jdbi.useTransaction(handle -> data.tasks.delete(asIntruder(first, first.position()), OptionalLong.empty()));

        assertThat(data.positions(goal.id())).containsExactly("Buy shoes@1", "Run 10 km@2", "Run 21 km@3");
    }

    @Test
    void givenAnotherOwnersDiaryEntry_whenTheIntruderReadsListsUpdatesOrDeletesIt_thenNothingIsFoundOrChanged() {
        String before = data.row("diary_entries", entry.id().value());
        DiaryEntry forged = new DiaryEntry(entry.id(), intruder, TODAY, null, new DiaryText("Mine now"), null, List.of(), List.of(),
                entry.createdAt(), entry.updatedAt(), entry.version() + 1);

        assertThat(data.diary.byId(intruder, entry.id())).isEmpty();
        Page<DiaryEntry> page = data.diary.list(intruder, new DiaryQuery(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty()), PageRequest.first());
        assertThat(page.items()).isEmpty();
        assertThat(page.totalItems()).isZero();
        assertThatThrownBy(() -> data.jdbi.useTransaction(handle -> data.diary.update(forged)))
                .isInstanceOf(StaleVersionException.class);
        assertThat(data.diary.delete(intruder, entry.id(), OptionalLong.empty())).isFalse();

        assertThat(data.row("diary_entries", entry.id().value())).isEqualTo(before);
        assertThat(data.diary.byId(victim, entry.id()).orElseThrow().goals()).containsExactly(goal.id());
        assertThat(data.diary.totals(intruder).entries()).isZero();
    }

    private Task asIntruder(Task task, int position) {
        return new Task(task.id(), intruder, task.goal(), new TaskText("Mine now"), null, null, false, null, position, List.of(),
                task.createdAt(), task.updatedAt(), task.version() + 1);
    }
}
