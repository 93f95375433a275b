package org.dreamdiary.application.service.user;

import java.time.Duration;
import java.time.Instant;
import org.dreamdiary.application.port.out.Transactions;
import org.dreamdiary.application.port.out.user.Attempts;
import org.dreamdiary.application.port.out.user.Attempts.Quota;
import org.dreamdiary.application.port.out.user.Attempts.Scope;

/**
 * Registering costs a password hash, so a client address may try it only so many times an hour. The attempt is
 * reserved before hashing and counts whatever the outcome.
 */
public final class RegistrationThrottle {
    static final Duration WINDOW = Duration.ofHours(1);

    private final Attempts attempts;
    private final Transactions transactions;
    private final int perHour;

    public RegistrationThrottle(Attempts attempts, Transactions transactions, int perHour) {
        this.attempts = attempts;
        this.transactions = transactions;
        this.perHour = perHour;
    }

    void reserve(String clientIp, Instant now) {
        transactions.inTransaction(() -> {
            Reservations.reserve(attempts, new Quota(Scope.REGISTRATION_ADDRESS, clientIp, perHour, WINDOW), now,
                    "too many registrations from this client; try again later");
            return null;
        });
    }
}
