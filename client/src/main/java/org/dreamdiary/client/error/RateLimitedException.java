package org.dreamdiary.client.error;

import java.time.Duration;

/** 429 Too Many Requests: over the rate limit (or too many failed logins); wait {@link #retryAfter()}. */
public final class RateLimitedException extends RetryLaterException {
    public RateLimitedException(Problem problem, Duration retryAfter) {
        super(problem, retryAfter);
    }
}
