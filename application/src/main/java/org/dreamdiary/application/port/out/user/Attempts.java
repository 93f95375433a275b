package org.dreamdiary.application.port.out.user;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Attempts at guessable or costly operations (logins, registrations), limited per key in a sliding window and
 * counted in the shared database, so that every node sees the same numbers.
 */
public interface Attempts {
    /**
     * Records one attempt at {@code now} for the quota's key, unless its limit of attempts in the window before
     * {@code now} is reached. Deciding and recording are one atomic step: any number of concurrent attempts, on any
     * node, cannot together exceed the limit.
     *
     * @return empty when recorded; otherwise when the oldest attempt in the window leaves it
     */
    Optional<Instant> reserve(Quota quota, Instant now);

    /** Gives back one attempt recorded at {@code at} for the key, if it is still there. */
    void release(Scope scope, String key, Instant at);

    /** Forgets every attempt of the key. */
    void clear(Scope scope, String key);

    /** Deletes up to {@code max} keys whose latest attempt is older than {@code horizon}; how many went. */
    int forgetOlderThan(Instant horizon, int max);

    enum Scope { USERNAME, LOGIN_ADDRESS, REGISTRATION_ADDRESS }

    /** At most {@code limit} attempts for {@code key} in any {@code window}. */
    record Quota(Scope scope, String key, int limit, Duration window) {
    }
}
