package org.dreamdiary.domain.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Stream;
import org.dreamdiary.domain.user.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class GoalTest {

    private static final GoalId ID = new GoalId(UUID.fromString("00000000-0000-0000-0000-00000000000a"));
    private static final UserId OWNER = new UserId(UUID.fromString("00000000-0000-0000-0000-000000000001"));
    private static final DreamId DREAM = new DreamId(UUID.fromString("00000000-0000-0000-0000-0000000000d1"));
    private static final Name NAME = new Name("Run a marathon");
    private static final Description DESCRIPTION = new Description("42 km, under four hours");
    private static final LocalDate DUE = LocalDate.of(2027, 4, 25);
    private static final Instant CREATED = Instant.parse("2026-11-10T08:00:00Z");
    private static final Instant LATER = Instant.parse("2026-11-12T19:30:00Z");

    @Test
    void givenANewGoal_whenCreated_thenItIsActiveAtVersionOneWithWhatItWasGiven() {
        Goal goal = Goal.create(ID, OWNER, DREAM, NAME, DESCRIPTION, DUE, CREATED);

        assertThat(goal.status()).isEqualTo(GoalStatus.ACTIVE);
        assertThat(goal.version()).isEqualTo(1);
        assertThat(goal.createdAt()).isEqualTo(CREATED);
        assertThat(goal.updatedAt()).isEqualTo(CREATED);
        assertThat(goal.id()).isEqualTo(ID);
        assertThat(goal.owner()).isEqualTo(OWNER);
        assertThat(goal.dream()).isEqualTo(DREAM);
        assertThat(goal.name()).isEqualTo(NAME);
        assertThat(goal.description()).isEqualTo(DESCRIPTION);
        assertThat(goal.dueDate()).isEqualTo(DUE);
    }

    @Test
    void givenAGoalNotFormedFromADream_whenCreated_thenItHasNoDream() {
        Goal goal = Goal.create(ID, OWNER, null, NAME, null, null, CREATED);

        assertThat(goal.dream()).isNull();
        assertThat(goal.status()).isEqualTo(GoalStatus.ACTIVE);
    }

    @Test
    void givenAnActiveGoal_whenItsLastOpenTaskIsCompleted_thenItIsAchievedAtTheNextVersion() {
        Goal goal = Goal.create(ID, OWNER, DREAM, NAME, DESCRIPTION, DUE, CREATED);

        Goal after = goal.afterTaskChange(TaskChange.COMPLETED, 0, LATER);

        assertThat(after.status()).isEqualTo(GoalStatus.ACHIEVED);
        assertThat(after.version()).isEqualTo(2);
        assertThat(after.updatedAt()).isEqualTo(LATER);
        assertThat(after.createdAt()).isEqualTo(CREATED);
        assertThat(after).usingRecursiveComparison()
                .ignoringFields("status", "version", "updatedAt")
                .isEqualTo(goal);
    }

    @Test
    void givenAnActiveGoal_whenATaskIsCompletedWhileOthersAreOpen_thenTheSameGoalComesBackUnchanged() {
        Goal goal = Goal.create(ID, OWNER, DREAM, NAME, DESCRIPTION, DUE, CREATED);

        Goal after = goal.afterTaskChange(TaskChange.COMPLETED, 2, LATER);

        assertThat(after).isSameAs(goal);
        assertThat(after.version()).isEqualTo(1);
        assertThat(after.updatedAt()).isEqualTo(CREATED);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TaskChange.class, names = {"ADDED", "REOPENED"})
    void givenAnAchievedGoal_whenATaskIsAddedOrReopened_thenItIsActiveAgainAtTheNextVersion(TaskChange change) {
        Goal achieved = Goal.create(ID, OWNER, DREAM, NAME, DESCRIPTION, DUE, CREATED)
                .afterTaskChange(TaskChange.COMPLETED, 0, CREATED);
        assertThat(achieved.status()).isEqualTo(GoalStatus.ACHIEVED);

        Goal after = achieved.afterTaskChange(change, 1, LATER);

        assertThat(after.status()).isEqualTo(GoalStatus.ACTIVE);
        assertThat(after.version()).isEqualTo(achieved.version() + 1);
        assertThat(after.updatedAt()).isEqualTo(LATER);
    }

    static Stream<Arguments> everyChangeWithSomeOpenCounts() {
        return Arrays.stream(TaskChange.values())
                .flatMap(change -> Stream.of(0L, 1L).map(open -> Arguments.of(change, open)));
    }

    @ParameterizedTest(name = "{0}, {1} open afterwards")
    @MethodSource("everyChangeWithSomeOpenCounts")
    void givenAnAbandonedGoal_whenAnythingHappensToItsTasks_thenTheSameGoalComesBackStillAbandoned(
            TaskChange change, long openAfter) {
        Goal abandoned = Goal.create(ID, OWNER, DREAM, NAME, DESCRIPTION, DUE, CREATED)
                .edit(DREAM, NAME, DESCRIPTION, DUE, GoalStatus.ABANDONED, CREATED);

        Goal after = abandoned.afterTaskChange(change, openAfter, LATER);

        assertThat(after).isSameAs(abandoned);
        assertThat(after.status()).isEqualTo(GoalStatus.ABANDONED);
    }

    @Test
    void givenAnAbandonedGoal_whenTheUserSetsItActive_thenItComesBack() {
        Goal abandoned = Goal.create(ID, OWNER, DREAM, NAME, DESCRIPTION, DUE, CREATED)
                .edit(DREAM, NAME, DESCRIPTION, DUE, GoalStatus.ABANDONED, CREATED);

        Goal back = abandoned.edit(DREAM, NAME, DESCRIPTION, DUE, GoalStatus.ACTIVE, LATER);

        assertThat(back.status()).isEqualTo(GoalStatus.ACTIVE);
        assertThat(back.afterTaskChange(TaskChange.COMPLETED, 0, LATER).status()).isEqualTo(GoalStatus.ACHIEVED);
    }

    static Stream<Arguments> everyPairOfStatuses() {
        return Arrays.stream(GoalStatus.values())
                .flatMap(from -> Arrays.stream(GoalStatus.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPairOfStatuses")
    void givenAGoalInAnyStatus_whenTheUserEditsIt_thenAnyStatusCanBeSetAndTheVersionMovesOn(GoalStatus from, GoalStatus to) {
        Goal goal = new Goal(ID, OWNER, DREAM, NAME, DESCRIPTION, DUE, from, CREATED, CREATED, 3);
        DreamId otherDream = new DreamId(UUID.fromString("00000000-0000-0000-0000-0000000000d2"));
        Name otherName = new Name("Run an ultramarathon");
        Description otherDescription = new Description("");
        LocalDate otherDue = DUE.plusMonths(6);

        Goal edited = goal.edit(otherDream, otherName, otherDescription, otherDue, to, LATER);

        assertThat(edited.status()).isEqualTo(to);
        assertThat(edited.version()).isEqualTo(4);
        assertThat(edited.updatedAt()).isEqualTo(LATER);
        assertThat(edited.createdAt()).isEqualTo(CREATED);
        assertThat(edited.id()).isEqualTo(ID);
        assertThat(edited.owner()).isEqualTo(OWNER);
        assertThat(edited.dream()).isEqualTo(otherDream);
        assertThat(edited.name()).isEqualTo(otherName);
        assertThat(edited.description()).isEqualTo(otherDescription);
        assertThat(edited.dueDate()).isEqualTo(otherDue);
    }
}
