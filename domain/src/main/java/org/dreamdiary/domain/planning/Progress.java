package org.dreamdiary.domain.planning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.dreamdiary.domain.error.InvalidValueException;

/** How many of a goal's tasks are done; {@code percent} is rounded half up, and 0 without tasks. */
public record Progress(long done, long total) {
    public Progress {
        if (done < 0 || total < 0 || done > total) {
            throw new InvalidValueException("progress must have 0 <= done <= total");
        }
    }

    public int percent() {
        if (total == 0) {
            return 0;
        }
        // exact for any counts: integer 200 * done overflows once done > Long.MAX_VALUE / 200
        return BigDecimal.valueOf(done).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(total), 0, RoundingMode.HALF_UP)
                .intValueExact();
    }
}
