package org.dreamdiary.domain.diary;

import java.time.LocalDate;
import java.util.Iterator;
import java.util.NavigableSet;

/**
 * Streaks over the days that have at least one entry. A streak is a run of consecutive calendar days; the
 * current one ends today, or yesterday when today has no entry yet (the day is not over).
 */
public record DiaryStreaks(int current, int longest) {

    public static DiaryStreaks of(NavigableSet<LocalDate> daysWithEntries, LocalDate today) {
        return new DiaryStreaks(current(daysWithEntries, today), longest(daysWithEntries));
    }

    private static int current(NavigableSet<LocalDate> days, LocalDate today) {
        LocalDate day = days.contains(today) ? today : today.minusDays(1);
        int length = 0;
        while (days.contains(day)) {
            length++;
            day = day.minusDays(1);
        }
        return length;
    }

    private static int longest(NavigableSet<LocalDate> days) {
        int longest = 0;
        int run = 0;
        LocalDate previous = null;
        for (Iterator<LocalDate> it = days.iterator(); it.hasNext(); ) {
            LocalDate day = it.next();
            run = previous != null && previous.plusDays(1).equals(day) ? run + 1 : 1;
            longest = Math.max(longest, run);
            previous = day;
        }
        return longest;
    }
}
