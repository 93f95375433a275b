package org.dreamdiary.application.service.user;

import java.time.Instant;
import java.util.Optional;
import org.dreamdiary.application.port.in.user.LogIn;
import org.dreamdiary.application.port.in.user.TokenPair;
import org.dreamdiary.application.port.out.Clock;
import org.dreamdiary.application.port.out.Transactions;
import org.dreamdiary.application.port.out.user.PasswordHasher;
import org.dreamdiary.application.port.out.user.Users;
import org.dreamdiary.domain.error.InvalidValueException;
import org.dreamdiary.domain.error.UnauthenticatedException;
import org.dreamdiary.domain.user.User;
import org.dreamdiary.domain.user.Username;

public final class LogInService implements LogIn {
    private final Users users;
    private final PasswordHasher hasher;
    private final SessionTokens sessionTokens;
    private final LoginThrottle throttle;
    private final Transactions transactions;
    private final Clock clock;
    /** Checked against when the username is unknown, so that answering takes as long as for a real account. */
    private final String decoyHash;

    public LogInService(Users users, PasswordHasher hasher, SessionTokens sessionTokens, LoginThrottle throttle,
                        Transactions transactions, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.sessionTokens = sessionTokens;
        this.throttle = throttle;
        this.transactions = transactions;
        this.clock = clock;
        this.decoyHash = hasher.hash("decoy password for unknown usernames");
    }

    @Override
    public TokenPair logIn(String username, String password, String clientIp) {
        Instant reservedAt = clock.now();
        throttle.reserve(username, clientIp, reservedAt);
        Optional<User> account = find(username);
        // The hash comparison runs outside any transaction: it is slow on purpose and needs no connection.
        boolean matches = hasher.matches(password, account.map(User::passwordHash).orElse(decoyHash));
        if (account.isEmpty() || !matches) {
            // the reservation stays: it is this failure's record
            throw new UnauthenticatedException("wrong username or password");
        }
        return transactions.inTransaction(() -> {
            throttle.succeeded(username, clientIp, reservedAt);
            return sessionTokens.open(account.get().id(), clock.now());
        });
    }

    private Optional<User> find(String username) {
        try {
            return users.byUsername(new Username(username));
        } catch (InvalidValueException notAUsername) {
            return Optional.empty();
        }
    }
}
