package org.dreamdiary.application.service.user;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.dreamdiary.application.port.out.user.LoginFailures;
import org.dreamdiary.application.port.out.user.LoginFailures.Scope;
import org.dreamdiary.application.port.out.user.LoginFailures.Window;
import org.dreamdiary.domain.error.TooManyAttemptsException;

/**
 * Slows password guessing: at most 10 failed logins per username and 100 per client address in any
 * 15 minutes. A success clears the username's count.
 */
public final class LoginThrottle {
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final int PER_USERNAME = 10;
    static final int PER_CLIENT = 100;

    private final LoginFailures failures;

    public LoginThrottle(LoginFailures failures) {
        this.failures = failures;
    }

    /** Usernames are counted ignoring case, as they are unique. */
    static String usernameKey(String username) {
        return username.toLowerCase(Locale.ROOT);
    }

    void check(String username, String clientIp, Instant now) {
        Instant since = now.minus(WINDOW);
        refuseIfFull(failures.since(Scope.USERNAME, usernameKey(username), since), PER_USERNAME, now, "this username");
        refuseIfFull(failures.since(Scope.IP, clientIp, since), PER_CLIENT, now, "this client");
    }

    void recordFailure(String username, String clientIp, Instant now) {
        failures.record(usernameKey(username), clientIp, now, now.minus(WINDOW));
    }

    void clear(String username) {
        failures.clear(usernameKey(username));
    }

    private static void refuseIfFull(Window window, int limit, Instant now, String whom) {
        if (window.count() >= limit) {
            // The window frees up when its oldest failure is 15 minutes old.
            Duration wait = Duration.between(now, window.oldest().orElse(now).plus(WINDOW));
            throw new TooManyAttemptsException("too many failed logins for " + whom + "; try again later",
                    wait.isNegative() ? Duration.ofSeconds(1) : wait);
        }
    }
}
