package org.dreamdiary.adapter.http.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.dreamdiary.domain.error.InvalidValueException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CalendarDatesTest {

    @ParameterizedTest
    @ValueSource(strings = {"0001-01-01", "2026-02-28", "2024-02-29", "9999-12-31"})
    void givenADateFromYearOneToYear9999_whenParsed_thenItIsThatDate(String text) {
        assertThat(CalendarDates.parse(text)).isEqualTo(LocalDate.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+999999999-12-31", "-999999999-01-01", "0000-12-31", "10000-01-01", "+2026-01-01",
            "2026-02-29", "2026-13-01", "2026-1-1", "20260101", "2026-01-01T00:00", " 2026-01-01", ""})
    void givenADateOutsideTheRangeOrNotYyyyMmDd_whenParsed_thenTheOneMessageNamesTheRange(String text) {
        assertThatThrownBy(() -> CalendarDates.parse(text))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("must be a date YYYY-MM-DD from 0001-01-01 to 9999-12-31");
    }
}
