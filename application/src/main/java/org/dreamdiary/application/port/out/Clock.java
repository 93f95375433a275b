package org.dreamdiary.application.port.out;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** The current time, at the millisecond precision the API shows. */
@FunctionalInterface
public interface Clock {
    Instant now();

    /**
     * Today's date in UTC, the calendar of every date the API takes and shows (due dates, diary dates): what
     * "overdue", "not in the future" and streaks are measured against.
     */
    default LocalDate today() {
        return LocalDate.ofInstant(now(), ZoneOffset.UTC);
    }
}
