package org.dreamdiary.application.port.out;

import java.time.Instant;

/** The current time, at the millisecond precision the API shows. */
@FunctionalInterface
public interface Clock {
    Instant now();
}
