package org.dreamdiary.application.port.in.diary;

import java.util.List;
import org.dreamdiary.application.diary.MonthCount;
import java.util.OptionalDouble;
import org.dreamdiary.domain.user.UserId;

/** Totals, streaks, entries per month and average mood of the owner's diary. */
public interface DiaryStatistics {
    Stats stats(UserId owner);

    /** {@code averageMood} is empty when no entry has a mood. */
    record Stats(long totalEntries, int currentStreakDays, int longestStreakDays, List<MonthCount> entriesPerMonth,
                 OptionalDouble averageMood) {
    }
}
