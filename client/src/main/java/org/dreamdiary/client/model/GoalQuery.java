package org.dreamdiary.client.model;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Which goals to list: by status, of one dream, due before a date, a page at a time (newest first). {@code null}
 * leaves a filter out.
 */
public record GoalQuery(GoalStatus status, UUID dreamId, LocalDate dueBefore, PageRequest page) {
    public static GoalQuery all() {
        return new GoalQuery(null, null, null, PageRequest.first());
    }

    public GoalQuery status(GoalStatus status) {
        return new GoalQuery(status, dreamId, dueBefore, page);
    }

    public GoalQuery ofDream(UUID dreamId) {
        return new GoalQuery(status, dreamId, dueBefore, page);
    }

    /** Only goals due before {@code date} (goals without a due date are left out). */
    public GoalQuery dueBefore(LocalDate date) {
        return new GoalQuery(status, dreamId, date, page);
    }

    public GoalQuery page(int page, int perPage) {
        return new GoalQuery(status, dreamId, dueBefore, PageRequest.of(page, perPage));
    }
}
