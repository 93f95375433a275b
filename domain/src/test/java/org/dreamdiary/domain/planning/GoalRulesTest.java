package org.dreamdiary.domain.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dreamdiary.domain.planning.GoalStatus.ABANDONED;
import static org.dreamdiary.domain.planning.GoalStatus.ACHIEVED;
import static org.dreamdiary.domain.planning.GoalStatus.ACTIVE;

import java.util.Arrays;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoalRulesTest {

    @Test
    void givenAnActiveGoal_whenItsLastOpenTaskIsCompleted_thenTheGoalIsAchieved() {
        assertThat(GoalRules.afterTaskChange(ACTIVE, TaskChange.COMPLETED, 0)).isEqualTo(ACHIEVED);
    }

    @ParameterizedTest(name = "{0} task(s) still open")
    @ValueSource(longs = {1, 2, 10})
    void givenAnActiveGoal_whenATaskIsCompletedWhileOthersAreOpen_thenTheGoalStaysActive(long openAfter) {
        assertThat(GoalRules.afterTaskChange(ACTIVE, TaskChange.COMPLETED, openAfter)).isEqualTo(ACTIVE);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TaskChange.class, names = {"ADDED", "REOPENED"})
    void givenAnActiveGoal_whenATaskIsAddedOrReopened_thenTheGoalStaysActive(TaskChange change) {
        assertThat(GoalRules.afterTaskChange(ACTIVE, change, 1)).isEqualTo(ACTIVE);
    }

    @Test
    void givenAnAchievedGoal_whenOneOfItsTasksIsReopened_thenTheGoalIsActiveAgain() {
        assertThat(GoalRules.afterTaskChange(ACHIEVED, TaskChange.REOPENED, 1)).isEqualTo(ACTIVE);
    }

    @Test
    void givenAnAchievedGoal_whenATaskIsAddedToIt_thenTheGoalIsActiveAgain() {
        assertThat(GoalRules.afterTaskChange(ACHIEVED, TaskChange.ADDED, 1)).isEqualTo(ACTIVE);
    }

    @ParameterizedTest(name = "{0} task(s) open afterwards")
    @ValueSource(longs = {0, 2})
    void givenAnAchievedGoal_whenATaskIsCompleted_thenTheGoalStaysAchieved(long openAfter) {
        assertThat(GoalRules.afterTaskChange(ACHIEVED, TaskChange.COMPLETED, openAfter)).isEqualTo(ACHIEVED);
    }

    static Stream<Arguments> everyChangeWithSomeOpenCounts() {
        return Arrays.stream(TaskChange.values())
                .flatMap(change -> LongStream.of(0, 1, 3).mapToObj(open -> Arguments.of(change, open)));
    }

    @ParameterizedTest(name = "{0}, {1} open afterwards")
    @MethodSource("everyChangeWithSomeOpenCounts")
    void givenAnAbandonedGoal_whenAnythingHappensToItsTasks_thenItStaysAbandoned(TaskChange change, long openAfter) {
        assertThat(GoalRules.afterTaskChange(ABANDONED, change, openAfter)).isEqualTo(ABANDONED);
    }
}
