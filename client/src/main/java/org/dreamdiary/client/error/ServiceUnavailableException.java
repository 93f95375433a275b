package org.dreamdiary.client.error;

import java.time.Duration;

/** 503 Service Unavailable: the service cannot reach its database just now; it recovers by itself. */
public final class ServiceUnavailableException extends RetryLaterException {
    public ServiceUnavailableException(Problem problem, Duration retryAfter) {
        super(problem, retryAfter);
    }
}
