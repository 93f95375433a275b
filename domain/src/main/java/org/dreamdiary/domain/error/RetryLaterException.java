package org.dreamdiary.domain.error;

import java.time.Duration;

/** A refusal that passes: the same request may succeed when sent again after {@code retryAfter}. */
public abstract class RetryLaterException extends DomainException {
    private static final long serialVersionUID = 1L;
    private final Duration retryAfter;

    protected RetryLaterException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
