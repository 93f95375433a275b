package org.dreamdiary.application.service.user;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.dreamdiary.application.port.out.Transactions;
import org.dreamdiary.application.port.out.user.Attempts;
import org.dreamdiary.application.port.out.user.Attempts.Quota;
import org.dreamdiary.application.port.out.user.Attempts.Scope;

/**
 * Slows password guessing: at most 10 logins per username and 100 per client address in any 15 minutes. Each
 * attempt is reserved before its password is checked, so attempts that arrive all at once cannot all be checked;
 * a wrong password keeps its reservation (it is the failure on record), a right one gives it back and clears the
 * username's count.
 */
public final class LoginThrottle {
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final int PER_USERNAME = 10;
    static final int PER_CLIENT = 100;

    private final Attempts attempts;
    private final Transactions transactions;

    public LoginThrottle(Attempts attempts, Transactions transactions) {
        this.attempts = attempts;
        this.transactions = transactions;
    }

    /** Usernames are counted ignoring case, as they are unique. */
    static String usernameKey(String username) {
        return username.toLowerCase(Locale.ROOT);
    }

    /** Reserves an attempt for the username and one for the address, both or neither, in a transaction of its own. */
    void reserve(String username, String clientIp, Instant now) {
        transactions.inTransaction(() -> {
            // a full quota throws, and the transaction undoes the reservation made before it
            Reservations.reserve(attempts, new Quota(Scope.USERNAME, usernameKey(username), PER_USERNAME, WINDOW), now,
                    "too many failed logins for this username; try again later");
            Reservations.reserve(attempts, new Quota(Scope.LOGIN_ADDRESS, clientIp, PER_CLIENT, WINDOW), now,
                    "too many failed logins from this client; try again later");
            return null;
        });
    }

    /** The password was right: within the caller's transaction, the username starts over and the address gets its attempt back. */
    void succeeded(String username, String clientIp, Instant reservedAt) {
        attempts.clear(Scope.USERNAME, usernameKey(username));
        attempts.release(Scope.LOGIN_ADDRESS, clientIp, reservedAt);
    }
}
