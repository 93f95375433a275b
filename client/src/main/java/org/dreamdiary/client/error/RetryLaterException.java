package org.dreamdiary.client.error;

import java.time.Duration;
import java.util.Optional;

/** An error that passes: the service said when to try again ({@code Retry-After}), and the client's retries ran out. */
public abstract class RetryLaterException extends ApiException {
    private final Duration retryAfter;

    protected RetryLaterException(Problem problem, Duration retryAfter) {
        super(problem);
        this.retryAfter = retryAfter;
    }

    /** How long the service asked the caller to wait before trying again, when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
