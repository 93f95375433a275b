package org.dreamdiary.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dreamdiary.adapter.persistence.PlanningFixture.T0;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalLong;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A write that expects a version checks it in its own statement: at a stale version nothing changes, whatever
 * the use case saw before. The planning and diary rows; the contract kit holds the same for every other kind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbiConditionalWritesTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 1);
    private static final OptionalLong AT_ONE = OptionalLong.of(1);
    private static final OptionalLong AT_TWO = OptionalLong.of(2);

    private PlanningFixture planning;

    @BeforeAll
    void migrate() {
        planning = PlanningFixture.onFreshSchema();
    }

    @Test
    void givenADreamChangedSinceVersionOne_whenDeletedAtVersionOne_thenNothingIsDeletedAndAtItsVersionItIs() {
        UserId owner = planning.owner();
        Dream dream = planning.dream(owner, "Sail");
        Dream renamed = dream.edit(new Name("Sail far"), null, List.of(), T0.plusSeconds(1));
        planning.dreams.update(renamed);

        assertThat(planning.dreams.delete(owner, dream.id(), AT_ONE)).isFalse();
        assertThat(planning.dreams.byId(owner, dream.id())).contains(renamed);

        assertThat(planning.dreams.delete(owner, dream.id(), AT_TWO)).isTrue();
        assertThat(planning.dreams.byId(owner, dream.id())).isEmpty();
    }

    @Test
    void givenNoExpectedVersion_whenADreamIsDeleted_thenItGoesAtAnyVersion() {
        UserId owner = planning.owner();
        Dream dream = planning.dream(owner, "Sail");
        planning.dreams.update(dream.edit(new Name("Sail far"), null, List.of(), T0.plusSeconds(1)));

        assertThat(planning.dreams.delete(owner, dream.id(), OptionalLong.empty())).isTrue();
        assertThat(planning.dreams.delete(owner, dream.id(), OptionalLong.empty())).isFalse();
    }

    @Test
    void givenAStaleVersion_whenADreamIsUpdated_thenStaleAndTheStoredDreamIsUnchanged() {
        UserId owner = planning.owner();
        Dream dream = planning.dream(owner, "Sail");
        Dream first = dream.edit(new Name("First"), null, List.of(), T0.plusSeconds(1));
        planning.dreams.update(first);

        assertThatThrownBy(() -> planning.dreams.update(dream.edit(new Name("Lost"), null, List.of(), T0.plusSeconds(2))))
                .isInstanceOf(StaleVersionException.class);
        assertThat(planning.dreams.byId(owner, dream.id())).contains(first);
    }

    @Test
    void givenAGoalChangedSinceVersionOne_whenDeletedAtVersionOne_thenItAndItsTasksStay() {
        UserId owner = planning.owner();
        Goal goal = planning.goal(owner, null, "Learn");
        planning.task(owner, goal, "Step", 1);
        planning.goals.update(goal.edit(null, goal.name(), null, null, GoalStatus.ABANDONED, T0.plusSeconds(1)));

        assertThat(planning.goals.delete(owner, goal.id(), AT_ONE)).isFalse();
        assertThat(planning.count("SELECT count(*) FROM tasks WHERE goal_id = ?", goal.id().value())).isEqualTo(1);

        assertThat(planning.goals.delete(owner, goal.id(), AT_TWO)).isTrue();
        assertThat(planning.count("SELECT count(*) FROM tasks WHERE goal_id = ?", goal.id().value())).isZero();
    }

    @Test
    void givenATaskChangedSinceVersionOne_whenDeletedAtVersionOne_thenNothingIsDeletedAndNoPositionMoves() {
        UserId owner = planning.owner();
        Goal goal = planning.goal(owner, null, "Learn");
        Task first = planning.task(owner, goal, "First", 1);
        Task second = planning.task(owner, goal, "Second", 2);
        Task done = first.edit(new TaskText("First, done"), null, null, true, 1, List.of(), T0.plusSeconds(1));
        planning.tasks.update(done, 1);

        assertThat(planning.tasks.delete(first, AT_ONE)).isFalse();
        assertThat(planning.tasks.byId(owner, first.id())).contains(done);
        assertThat(planning.tasks.byId(owner, second.id())).contains(second);

        assertThat(planning.tasks.delete(done, AT_TWO)).isTrue();
        assertThat(planning.tasks.byId(owner, second.id()).orElseThrow().position()).isEqualTo(1);
    }

    @Test
    void givenADiaryEntryChangedSinceVersionOne_whenDeletedAtVersionOne_thenItStays() {
        UserId owner = planning.owner();
        DiaryEntry entry = planning.entry(owner, DAY, "Sailed", null, List.of());
        DiaryEntry edited = entry.edit(DAY, null, new DiaryText("Sailed far"), null, List.of(), List.of(), DAY, T0.plusSeconds(1));
        planning.diary.update(edited);

        assertThat(planning.diary.delete(owner, entry.id(), AT_ONE)).isFalse();
        assertThat(planning.diary.byId(owner, entry.id())).contains(edited);

        assertThat(planning.diary.delete(owner, entry.id(), AT_TWO)).isTrue();
    }
}
