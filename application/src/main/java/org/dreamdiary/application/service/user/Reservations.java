package org.dreamdiary.application.service.user;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.dreamdiary.application.port.out.user.Attempts;
import org.dreamdiary.application.port.out.user.Attempts.Quota;
import org.dreamdiary.domain.error.TooManyAttemptsException;

/** Reserving an attempt under a quota, or refusing the caller until the quota frees up. */
final class Reservations {
    private Reservations() {
    }

    /** Records one attempt under {@code quota}; when it is full, refuses with when the next attempt may succeed. */
    static void reserve(Attempts attempts, Quota quota, Instant now, String refusal) {
        Optional<Instant> freeAt = attempts.reserve(quota, now);
        if (freeAt.isPresent()) {
            Duration wait = Duration.between(now, freeAt.get());
            throw new TooManyAttemptsException(refusal, wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait);
        }
    }
}
