package org.dreamdiary.domain.error;

import java.time.Duration;

/**
 * The storage cannot be reached at the moment (the database is down, restarting, or has no connection free): the
 * request was not carried out, or not confirmed, and may succeed when sent again after {@code retryAfter}.
 */
public class StorageUnavailableException extends RetryLaterException {
    private static final long serialVersionUID = 1L;

    public StorageUnavailableException(String message, Duration retryAfter) {
        super(message, retryAfter);
    }
}
