package org.dreamdiary.domain.diary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class DiaryStreaksTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 15);

    private static DiaryStreaks streaks(LocalDate today, LocalDate... days) {
        return DiaryStreaks.of(new TreeSet<>(List.of(days)), today);
    }

    private static LocalDate daysAgo(int days) {
        return TODAY.minusDays(days);
    }

    @Test
    void givenNoEntries_whenStreaksAreCounted_thenBothAreZero() {
        assertThat(streaks(TODAY)).isEqualTo(new DiaryStreaks(0, 0));
    }

    @Test
    void givenAnEntryOnlyToday_whenStreaksAreCounted_thenBothAreOne() {
        assertThat(streaks(TODAY, TODAY)).isEqualTo(new DiaryStreaks(1, 1));
    }

    @Test
    void givenAnEntryOnlyYesterday_whenStreaksAreCounted_thenTheCurrentStreakIsStillAliveAtOne() {
        assertThat(streaks(TODAY, daysAgo(1))).isEqualTo(new DiaryStreaks(1, 1));
    }

    @Test
    void givenEntriesYesterdayAndTheDayBeforeButNotToday_whenStreaksAreCounted_thenTheCurrentStreakIsTwoAsTodayIsNotOver() {
        assertThat(streaks(TODAY, daysAgo(2), daysAgo(1))).isEqualTo(new DiaryStreaks(2, 2));
    }

    @Test
    void givenEntriesTodayYesterdayAndTheDayBefore_whenStreaksAreCounted_thenTheCurrentStreakIsThree() {
        assertThat(streaks(TODAY, daysAgo(2), daysAgo(1), TODAY)).isEqualTo(new DiaryStreaks(3, 3));
    }

    @Test
    void givenEntriesEndingTwoDaysAgo_whenStreaksAreCounted_thenTheCurrentStreakIsBrokenButTheLongestRemains() {
        assertThat(streaks(TODAY, daysAgo(4), daysAgo(3), daysAgo(2))).isEqualTo(new DiaryStreaks(0, 3));
    }

    @Test
    void givenAGapOfOneDayBeforeYesterday_whenStreaksAreCounted_thenTheCurrentStreakStopsAtTheGap() {
        assertThat(streaks(TODAY, daysAgo(5), daysAgo(4), daysAgo(3), daysAgo(1), TODAY))
                .isEqualTo(new DiaryStreaks(2, 3));
    }

    @Test
    void givenSeveralRunsSeparatedByGaps_whenStreaksAreCounted_thenTheLongestIsTheLongestRunWhereverItIs() {
        DiaryStreaks result = streaks(TODAY,
                daysAgo(20), daysAgo(19),
                daysAgo(15), daysAgo(14), daysAgo(13), daysAgo(12), daysAgo(11),
                daysAgo(8),
                daysAgo(5), daysAgo(4), daysAgo(3),
                TODAY);

        assertThat(result).isEqualTo(new DiaryStreaks(1, 5));
    }

    @Test
    void givenTheLongestRunIsTheCurrentOne_whenStreaksAreCounted_thenBothAreItsLength() {
        assertThat(streaks(TODAY, daysAgo(10), daysAgo(9), daysAgo(3), daysAgo(2), daysAgo(1), TODAY))
                .isEqualTo(new DiaryStreaks(4, 4));
    }

    @Test
    void givenARunFromJanuaryThirtiethToFebruaryFirst_whenStreaksAreCounted_thenItContinuesAcrossTheMonth() {
        LocalDate february1 = LocalDate.of(2027, 2, 1);

        assertThat(streaks(february1, LocalDate.of(2027, 1, 30), LocalDate.of(2027, 1, 31), february1))
                .isEqualTo(new DiaryStreaks(3, 3));
    }

    @Test
    void givenARunFromDecemberThirtiethToJanuaryFirst_whenStreaksAreCounted_thenItContinuesAcrossTheYear() {
        LocalDate newYearsDay = LocalDate.of(2027, 1, 1);

        assertThat(streaks(newYearsDay, LocalDate.of(2026, 12, 30), LocalDate.of(2026, 12, 31), newYearsDay))
                .isEqualTo(new DiaryStreaks(3, 3));
    }

    @Test
    void givenARunEndingOnDecemberThirtyFirst_whenCountedOnNewYearsDayWithoutAnEntryYet_thenTheCurrentStreakStillCounts() {
        assertThat(streaks(LocalDate.of(2027, 1, 1), LocalDate.of(2026, 12, 30), LocalDate.of(2026, 12, 31)))
                .isEqualTo(new DiaryStreaks(2, 2));
    }

    @Test
    void givenARunThroughTheLeapDayOf2028_whenStreaksAreCounted_thenFebruaryTwentyNinthJoinsIt() {
        LocalDate march1 = LocalDate.of(2028, 3, 1);

        assertThat(streaks(march1, LocalDate.of(2028, 2, 28), LocalDate.of(2028, 2, 29), march1))
                .isEqualTo(new DiaryStreaks(3, 3));
    }

    @Test
    void givenFebruaryTwentyEighthAndMarchFirstOf2028WithoutTheLeapDay_whenStreaksAreCounted_thenTheyAreNotConsecutive() {
        LocalDate march1 = LocalDate.of(2028, 3, 1);

        assertThat(streaks(march1, LocalDate.of(2028, 2, 28), march1)).isEqualTo(new DiaryStreaks(1, 1));
    }

    @Test
    void givenFebruaryTwentyEighthAndMarchFirstOf2027_whenStreaksAreCounted_thenTheyAreConsecutiveInANonLeapYear() {
        LocalDate march1 = LocalDate.of(2027, 3, 1);

        assertThat(streaks(march1, LocalDate.of(2027, 2, 28), march1)).isEqualTo(new DiaryStreaks(2, 2));
    }

    @Test
    void givenAnEntryLongBeforeAndNoneSince_whenStreaksAreCounted_thenOnlyTheLongestRemembersIt() {
        assertThat(streaks(TODAY, LocalDate.of(2020, 5, 1))).isEqualTo(new DiaryStreaks(0, 1));
    }
}
