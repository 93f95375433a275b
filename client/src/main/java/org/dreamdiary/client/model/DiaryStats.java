package org.dreamdiary.client.model;

import java.time.YearMonth;
import java.util.List;

/**
 * The diary in numbers. A streak is a run of consecutive days with at least one entry; the current one counts today
 * or, when today has no entry yet, yesterday. {@code averageMood} is the mean of the moods given, to two decimals,
 * {@code null} when no entry has one.
 */
public record DiaryStats(long totalEntries, int currentStreakDays, int longestStreakDays,
                         List<MonthCount> entriesPerMonth, Double averageMood) {
    public DiaryStats {
        entriesPerMonth = List.copyOf(entriesPerMonth);
    }

    /** How many entries are dated in one month. */
    public record MonthCount(YearMonth month, long count) {
    }
}
