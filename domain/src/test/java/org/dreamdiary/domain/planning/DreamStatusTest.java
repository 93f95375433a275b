package org.dreamdiary.domain.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dreamdiary.domain.planning.GoalStatus.ABANDONED;
import static org.dreamdiary.domain.planning.GoalStatus.ACHIEVED;
import static org.dreamdiary.domain.planning.GoalStatus.ACTIVE;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DreamStatusTest {

    @Test
    void givenNoGoals_whenTheStatusIsDerived_thenTheDreamIsDreaming() {
        assertThat(DreamStatus.of(List.of())).isEqualTo(DreamStatus.DREAMING);
        assertThat(DreamStatus.of(0, 0)).isEqualTo(DreamStatus.DREAMING);
    }

    @ParameterizedTest(name = "{0} abandoned goal(s)")
    @MethodSource("someCounts")
    void givenOnlyAbandonedGoals_whenTheStatusIsDerived_thenTheDreamIsStillDreaming(int abandoned) {
        assertThat(DreamStatus.of(Collections.nCopies(abandoned, ABANDONED))).isEqualTo(DreamStatus.DREAMING);
        assertThat(DreamStatus.of(0, 0)).isEqualTo(DreamStatus.DREAMING);
    }

    static Stream<List<GoalStatus>> goalsWithAnActiveOne() {
        return Stream.of(
                List.of(ACTIVE),
                List.of(ACTIVE, ACTIVE),
                List.of(ACHIEVED, ACTIVE),
                List.of(ABANDONED, ACTIVE),
                List.of(ACHIEVED, ABANDONED, ACTIVE),
                List.of(ACTIVE, ACHIEVED, ACHIEVED, ABANDONED, ABANDONED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goalsWithAnActiveOne")
    void givenAnyActiveGoal_whenTheStatusIsDerived_thenTheDreamIsPursuedWhateverTheOtherGoals(List<GoalStatus> goals) {
        assertThat(DreamStatus.of(goals)).isEqualTo(DreamStatus.PURSUING);
        assertThat(DreamStatus.of(count(goals, ACTIVE), count(goals, ACHIEVED))).isEqualTo(DreamStatus.PURSUING);
    }

    static Stream<List<GoalStatus>> goalsAchievedWithNoneActive() {
        return Stream.of(
                List.of(ACHIEVED),
                List.of(ACHIEVED, ACHIEVED),
                List.of(ACHIEVED, ABANDONED),
                List.of(ABANDONED, ABANDONED, ACHIEVED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goalsAchievedWithNoneActive")
    void givenAnAchievedGoalAndNoActiveOne_whenTheStatusIsDerived_thenTheDreamIsAchieved(List<GoalStatus> goals) {
        assertThat(DreamStatus.of(goals)).isEqualTo(DreamStatus.ACHIEVED);
        assertThat(DreamStatus.of(count(goals, ACTIVE), count(goals, ACHIEVED))).isEqualTo(DreamStatus.ACHIEVED);
    }

    @Test
    void givenGoalsAsASetRatherThanAList_whenTheStatusIsDerived_thenTheSameRuleApplies() {
        assertThat(DreamStatus.of(EnumSet.of(ACHIEVED, ABANDONED))).isEqualTo(DreamStatus.ACHIEVED);
        assertThat(DreamStatus.of(EnumSet.allOf(GoalStatus.class))).isEqualTo(DreamStatus.PURSUING);
        assertThat(DreamStatus.of(EnumSet.noneOf(GoalStatus.class))).isEqualTo(DreamStatus.DREAMING);
    }

    /** Every combination of 0..3 active, 0..3 achieved and 0..3 abandoned goals. */
    static Stream<Arguments> everyCombinationOfCounts() {
        return IntStream.rangeClosed(0, 3).boxed().flatMap(active ->
                IntStream.rangeClosed(0, 3).boxed().flatMap(achieved ->
                        IntStream.rangeClosed(0, 3).mapToObj(abandoned -> Arguments.of(active, achieved, abandoned))));
    }

    @ParameterizedTest(name = "{0} active, {1} achieved, {2} abandoned")
    @MethodSource("everyCombinationOfCounts")
    void givenAnyMixOfGoals_whenDerivedFromTheStatusesOrFromTheCounts_thenBothOverloadsAgreeWithTheRule(
            int active, int achieved, int abandoned) {
        List<GoalStatus> goals = new ArrayList<>();
        goals.addAll(Collections.nCopies(abandoned, ABANDONED));
        goals.addAll(Collections.nCopies(achieved, ACHIEVED));
        goals.addAll(Collections.nCopies(active, ACTIVE));
        DreamStatus expected = active > 0 ? DreamStatus.PURSUING
                : achieved > 0 ? DreamStatus.ACHIEVED
                : DreamStatus.DREAMING;

        assertThat(DreamStatus.of(goals)).isEqualTo(expected);
        assertThat(DreamStatus.of(active, achieved)).isEqualTo(expected);
    }

    static IntStream someCounts() {
        return IntStream.of(1, 2, 5);
    }

    private static long count(List<GoalStatus> goals, GoalStatus status) {
        return goals.stream().filter(status::equals).count();
    }
}
