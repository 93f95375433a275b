package org.dreamdiary.application.service.diary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dreamdiary.application.service.planning.PlanningWorld.ALICE;
import static org.dreamdiary.application.service.planning.PlanningWorld.BOB;
import static org.dreamdiary.application.service.planning.PlanningWorld.TODAY;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.dreamdiary.application.diary.MonthCount;
import org.dreamdiary.application.port.in.diary.DiaryStatistics.Stats;
import org.dreamdiary.application.port.in.diary.WriteDiaryEntry.NewEntry;
import org.dreamdiary.application.service.planning.PlanningWorld;
import org.dreamdiary.domain.diary.DiaryText;
import org.dreamdiary.domain.diary.Mood;
import org.dreamdiary.domain.user.UserId;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Totals, streaks, entries per month and average mood. Today is 2024-06-01. */
class DiaryStatisticsTest {

    @AutoClose
    private final PlanningWorld world = new PlanningWorld();

    private void write(UserId owner, LocalDate date, Integer mood) {
        world.diaryService.write(owner, new NewEntry(date, null, new DiaryText("Entry of " + date),
                mood == null ? null : new Mood(mood), List.of(), List.of()));
    }

    private void write(LocalDate... dates) {
        for (LocalDate date : dates) {
            write(ALICE, date, null);
        }
    }

    private Stats stats() {
        return world.diaryService.stats(ALICE);
    }

    @Test
    void anEmptyDiaryHasNoEntriesNoStreaksNoMonthsAndNoAverageMood() {
        Stats stats = stats();

        assertThat(stats.totalEntries()).isZero();
        assertThat(stats.currentStreakDays()).isZero();
        assertThat(stats.longestStreakDays()).isZero();
        assertThat(stats.entriesPerMonth()).isEmpty();
        assertThat(stats.averageMood()).isEmpty();
    }

    @Test
    void theCurrentStreakCountsTodayWhenTodayHasAnEntry() {
        write(TODAY, TODAY.minusDays(1), TODAY.minusDays(2), TODAY.minusDays(4));

        assertThat(stats().currentStreakDays()).isEqualTo(3);
    }

    @Test
    void withoutAnEntryTodayTheCurrentStreakEndsYesterday() {
        write(TODAY.minusDays(1), TODAY.minusDays(2));

        assertThat(stats().currentStreakDays()).isEqualTo(2);
    }

    @Test
    void withoutAnEntryTodayOrYesterdayThereIsNoCurrentStreak() {
        write(TODAY.minusDays(2), TODAY.minusDays(3));

        Stats stats = stats();
        assertThat(stats.currentStreakDays()).isZero();
        assertThat(stats.longestStreakDays()).isEqualTo(2);
    }

    @Test
    void theLongestStreakIsTheLongestRunOfConsecutiveDaysEvenAcrossAMonthEnd() {
        write(LocalDate.of(2024, 4, 29), LocalDate.of(2024, 4, 30), LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 2),
                LocalDate.of(2024, 5, 10), TODAY.minusDays(1), TODAY);

        Stats stats = stats();
        assertThat(stats.longestStreakDays()).isEqualTo(4);
        assertThat(stats.currentStreakDays()).isEqualTo(2);
    }

    @Test
    void severalEntriesOnOneDayCountAsEntriesButAsOneDayOfAStreak() {
        write(TODAY, TODAY, TODAY.minusDays(1));

        Stats stats = stats();
        assertThat(stats.totalEntries()).isEqualTo(3);
        assertThat(stats.currentStreakDays()).isEqualTo(2);
        assertThat(stats.longestStreakDays()).isEqualTo(2);
    }

    @Test
    void streaksAreMeasuredFromTheClocksDateInUtc() {
        write(LocalDate.of(2024, 5, 31), LocalDate.of(2024, 6, 1));

        world.clock.set(Instant.parse("2024-06-02T23:59:59.999Z"));
        assertThat(stats().currentStreakDays()).as("today, June 2, has no entry yet").isEqualTo(2);

        world.clock.set(Instant.parse("2024-06-03T00:00:00.000Z"));
        assertThat(stats().currentStreakDays()).isZero();
        assertThat(stats().longestStreakDays()).isEqualTo(2);
    }

    @Test
    void entriesAreCountedPerMonthInCalendarOrder() {
        write(LocalDate.of(2024, 5, 3), LocalDate.of(2023, 12, 31), LocalDate.of(2024, 5, 20), TODAY,
                LocalDate.of(2024, 5, 20));

        assertThat(stats().entriesPerMonth()).containsExactly(
                new MonthCount(YearMonth.of(2023, 12), 1),
                new MonthCount(YearMonth.of(2024, 5), 3),
                new MonthCount(YearMonth.of(2024, 6), 1));
        assertThat(stats().totalEntries()).isEqualTo(5);
    }

    @Test
    void theAverageMoodIsOverTheEntriesThatHaveOne() {
        write(ALICE, TODAY, 2);
        write(ALICE, TODAY.minusDays(1), 5);
        write(ALICE, TODAY.minusDays(2), null);

        assertThat(stats().averageMood()).hasValue(3.5);
    }

    @Test
    void withoutAnyMoodThereIsNoAverage() {
        write(TODAY, TODAY.minusDays(1));

        assertThat(stats().averageMood()).isEmpty();
        assertThat(stats().totalEntries()).isEqualTo(2);
    }

    @Test
    void onlyTheCallersEntriesCount() {
        write(ALICE, TODAY.minusDays(1), 1);
        write(BOB, TODAY, 5);
        write(BOB, TODAY.minusDays(2), 5);
        write(BOB, TODAY.minusDays(3), 5);

        Stats stats = stats();
        assertThat(stats.totalEntries()).isEqualTo(1);
        assertThat(stats.currentStreakDays()).isEqualTo(1);
        assertThat(stats.longestStreakDays()).isEqualTo(1);
        assertThat(stats.averageMood()).hasValue(1.0);
        assertThat(stats.entriesPerMonth()).containsExactly(new MonthCount(YearMonth.of(2024, 5), 1));
    }
}
