package org.dreamdiary.adapter.http.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Timestamps are written digit by digit for years 0 to 9999; they must read exactly as the formatter writes them. */
class TimestampsTest {
    private static final DateTimeFormatter FORMATTER =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @ParameterizedTest
    @ValueSource(strings = {"1970-01-01T00:00:00Z", "2026-12-05T08:30:01.999999999Z", "2024-02-29T23:59:59.001Z",
            "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999Z", "1969-12-31T23:59:59.500Z", "0999-05-06T07:08:09.010Z"})
    void givenAnInstantOfYears0To9999_whenWritten_thenItHasMillisecondsAndZ(String text) {
        Instant instant = Instant.parse(text);

        assertThat(Json.timestamp(instant)).isEqualTo(FORMATTER.format(instant)).hasSize(24).endsWith("Z");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-0001-12-31T23:59:59.999Z", "+10000-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z"})
    void givenAnInstantOutsideYears0To9999_whenWritten_thenItIsWhatTheFormatterWrites(String text) {
        Instant instant = Instant.parse(text);

        assertThat(Json.timestamp(instant)).isEqualTo(FORMATTER.format(instant));
    }

    @Test
    void givenRandomInstantsAcrossYears0To9999_whenWritten_thenEachIsWhatTheFormatterWrites() {
        SplittableRandom random = new SplittableRandom(20261205);
        long from = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("+10000-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(from, to), random.nextInt(1_000_000_000));
            assertThat(Json.timestamp(instant)).isEqualTo(FORMATTER.format(instant));
        }
    }
}
