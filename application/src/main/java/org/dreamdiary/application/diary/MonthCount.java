package org.dreamdiary.application.diary;

import java.time.YearMonth;

/** How many diary entries a month has. */
public record MonthCount(YearMonth month, long count) {
}
