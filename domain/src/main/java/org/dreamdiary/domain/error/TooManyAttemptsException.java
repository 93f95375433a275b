package org.dreamdiary.domain.error;

import java.time.Duration;

/** Too many tries in too short a time; {@code retryAfter} says when the next one may succeed. */
public class TooManyAttemptsException extends RetryLaterException {
    private static final long serialVersionUID = 1L;

    public TooManyAttemptsException(String message, Duration retryAfter) {
        super(message, retryAfter);
    }
}
