package org.dreamdiary.application.service.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dreamdiary.application.service.VersionPreconditions.goalAt;
import static org.dreamdiary.application.service.planning.PlanningWorld.ALICE;

import org.dreamdiary.application.change.Change;
import org.dreamdiary.application.change.ExpectedVersion;
import org.dreamdiary.application.planning.DreamView;
import org.dreamdiary.application.port.in.planning.UpdateGoal.GoalChanges;
import org.dreamdiary.domain.planning.DreamId;
import org.dreamdiary.domain.planning.DreamStatus;
import org.dreamdiary.domain.planning.GoalId;
import org.dreamdiary.domain.planning.GoalStatus;
import org.dreamdiary.domain.planning.Task;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A dream's status is never set: it follows from its goals, whichever use case moved them. */
class DreamStatusFollowsGoalsTest {

    @AutoClose
    private final PlanningWorld world = new PlanningWorld();
    private DreamId dream;

    @BeforeEach
    void aliceHasADream() {
        dream = world.dream(ALICE, "Run a marathon").dream().id();
    }

    private DreamView dream() {
        return world.dreamService.dream(ALICE, dream);
    }

    @Test
    void aDreamWithOneActiveGoalIsPursued() {
        world.goalOf(ALICE, dream);

        assertThat(dream().status()).isEqualTo(DreamStatus.PURSUING);
        assertThat(dream().goalCount()).isEqualTo(1);
    }

    @Test
    void aDreamWhoseOnlyGoalIsAchievedByCompletingItsLastTaskIsAchieved() {
        GoalId goal = world.goalOf(ALICE, dream).goal().id();
        Task first = world.task(ALICE, goal, "Run 10 km");
        Task second = world.task(ALICE, goal, "Run 21 km");

        world.complete(ALICE, first.id());
        assertThat(dream().status()).as("one task still open").isEqualTo(DreamStatus.PURSUING);

        world.complete(ALICE, second.id());
        assertThat(dream().status()).isEqualTo(DreamStatus.ACHIEVED);
    }

    @Test
    void aDreamWhoseGoalsAreAllAbandonedIsDreamingAgain() {
        GoalId first = world.goalOf(ALICE, dream).goal().id();
        GoalId second = world.goalOf(ALICE, dream).goal().id();

        world.setStatus(ALICE, first, GoalStatus.ABANDONED);
        assertThat(dream().status()).as("one goal still active").isEqualTo(DreamStatus.PURSUING);

        world.setStatus(ALICE, second, GoalStatus.ABANDONED);
        assertThat(dream().status()).isEqualTo(DreamStatus.DREAMING);
        assertThat(dream().goalCount()).isEqualTo(2);
    }

    @Test
    void anAchievedGoalBesideAnAbandonedOneMakesTheDreamAchieved() {
        GoalId achieved = world.goalOf(ALICE, dream).goal().id();
        GoalId abandoned = world.goalOf(ALICE, dream).goal().id();

        world.setStatus(ALICE, achieved, GoalStatus.ACHIEVED);
        world.setStatus(ALICE, abandoned, GoalStatus.ABANDONED);

        assertThat(dream().status()).isEqualTo(DreamStatus.ACHIEVED);
    }

    @Test
    void anActiveGoalBesideAnAchievedOneKeepsTheDreamPursued() {
        GoalId achieved = world.goalOf(ALICE, dream).goal().id();
        world.setStatus(ALICE, achieved, GoalStatus.ACHIEVED);
        assertThat(dream().status()).isEqualTo(DreamStatus.ACHIEVED);

        world.goalOf(ALICE, dream);

        assertThat(dream().status()).isEqualTo(DreamStatus.PURSUING);
    }

    @Test
    void reopeningTheTaskOfTheAchievedGoalMakesTheDreamPursuedAgain() {
        GoalId goal = world.goalOf(ALICE, dream).goal().id();
        Task task = world.task(ALICE, goal, "Run 42 km");
        world.complete(ALICE, task.id());
        assertThat(dream().status()).isEqualTo(DreamStatus.ACHIEVED);

        world.reopen(ALICE, task.id());

        assertThat(dream().status()).isEqualTo(DreamStatus.PURSUING);
    }

    @Test
    void deletingTheDreamsOnlyGoalMakesItDreamingAgain() {
        GoalId goal = world.goalOf(ALICE, dream).goal().id();

        world.goalService.delete(ALICE, goal, ExpectedVersion.none());

        assertThat(dream().status()).isEqualTo(DreamStatus.DREAMING);
        assertThat(dream().goalCount()).isZero();
    }

    @Test
    void aGoalMovedToAnotherDreamCountsThereAndNoLongerHere() {
        GoalId goal = world.goalOf(ALICE, dream).goal().id();
        DreamId other = world.dream(ALICE, "Climb a mountain").dream().id();

        world.goalService.update(ALICE, goal, new GoalChanges(Change.unchanged(), Change.unchanged(), Change.unchanged(),
                Change.unchanged(), Change.to(other)), goalAt(1));

        assertThat(dream().status()).isEqualTo(DreamStatus.DREAMING);
        assertThat(dream().goalCount()).isZero();
        assertThat(world.dreamService.dream(ALICE, other).status()).isEqualTo(DreamStatus.PURSUING);
        assertThat(world.dreamService.dream(ALICE, other).goalCount()).isEqualTo(1);
    }
}
