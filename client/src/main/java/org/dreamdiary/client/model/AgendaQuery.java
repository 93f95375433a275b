package org.dreamdiary.client.model;

import java.time.LocalDate;

/**
 * Which of the user's tasks, across all goals, to list: done or open, due before a date, overdue or not, a page at
 * a time, by due date (undated last) then position. {@code null} leaves a filter out.
 */
public record AgendaQuery(Boolean done, LocalDate dueBefore, Boolean overdue, PageRequest page) {
    public static AgendaQuery all() {
        return new AgendaQuery(null, null, null, PageRequest.first());
    }

    /** Only done ({@code true}) or only open ({@code false}) tasks. */
    public AgendaQuery done(boolean done) {
        return new AgendaQuery(done, dueBefore, overdue, page);
    }

    /** Only tasks due before {@code date} (tasks without a due date are left out). */
    public AgendaQuery dueBefore(LocalDate date) {
        return new AgendaQuery(done, date, overdue, page);
    }

    /** Only overdue ({@code true}) or only not overdue ({@code false}) tasks. */
    public AgendaQuery overdue(boolean overdue) {
        return new AgendaQuery(done, dueBefore, overdue, page);
    }

    public AgendaQuery page(int page, int perPage) {
        return new AgendaQuery(done, dueBefore, overdue, PageRequest.of(page, perPage));
    }
}
