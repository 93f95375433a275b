package org.dreamdiary.adapter.http.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccessLogDurationTest {
    @ParameterizedTest
    @ValueSource(floats = {0f, 0.04f, 0.05f, 0.96f, 1f, 9.94f, 9.96f, 12.345f, 250.5f, 61_234.56f})
    void aDurationIsPrintedToOneDecimalAsPercentPointOneFWould(float millis) {
        assertThat(AccessLog.tenths(millis)).isEqualTo(String.format(Locale.ROOT, "%.1f", millis));
    }
}
