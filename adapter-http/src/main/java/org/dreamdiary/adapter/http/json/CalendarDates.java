package org.dreamdiary.adapter.http.json;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.dreamdiary.domain.error.InvalidValueException;

/**
 * Calendar dates as they appear in queries and bodies: {@code YYYY-MM-DD} from 0001-01-01 to 9999-12-31. The one
 * rule for both, so that years {@code java.time} accepts but PostgreSQL and clients do not (year 0, signed
 * or five-digit years) never get past the edge.
 */
public final class CalendarDates {
    public static final LocalDate EARLIEST = LocalDate.of(1, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(9999, 12, 31);
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private CalendarDates() {
    }

    public static LocalDate parse(String text) {
        LocalDate date = null;
        if (DATE.matcher(text).matches()) {
            try {
                date = LocalDate.parse(text);
            } catch (DateTimeParseException ignored) {
                // a date like 2026-02-30: the one message below covers it
            }
        }
        if (date == null || date.isBefore(EARLIEST)) {
            throw new InvalidValueException("must be a date YYYY-MM-DD from " + EARLIEST + " to " + LATEST);
        }
        return date;
    }
}
