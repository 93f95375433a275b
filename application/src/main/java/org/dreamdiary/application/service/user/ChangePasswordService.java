package org.dreamdiary.application.service.user;

import java.time.Instant;
import org.dreamdiary.application.port.in.user.ChangePassword;
import org.dreamdiary.application.port.in.user.Principal;
import org.dreamdiary.application.port.out.Clock;
import org.dreamdiary.application.port.out.Transactions;
import org.dreamdiary.application.port.out.user.PasswordHasher;
import org.dreamdiary.application.port.out.user.SessionEvents;
import org.dreamdiary.application.port.out.user.Sessions;
import org.dreamdiary.application.port.out.user.SessionsEnded;
import org.dreamdiary.application.port.out.user.Users;
import org.dreamdiary.domain.error.NotFoundException;
import org.dreamdiary.domain.error.ValidationException;
import org.dreamdiary.domain.user.PasswordPolicy;
import org.dreamdiary.domain.user.User;

/** A wrong current password counts as a failed login, so a stolen access token cannot be used to guess it. */
public final class ChangePasswordService implements ChangePassword {
    private final Users users;
    private final Sessions sessions;
    private final SessionEvents events;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final Transactions transactions;
    private final Clock clock;

    public ChangePasswordService(Users users, Sessions sessions, SessionEvents events, PasswordHasher hasher,
                                 LoginThrottle throttle, Transactions transactions, Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.events = events;
        this.hasher = hasher;
        this.throttle = throttle;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void change(Principal caller, String currentPassword, String newPassword, String clientIp) {
        PasswordPolicy.check(newPassword);
        User user = users.byId(caller.user()).orElseThrow(() -> new NotFoundException("user"));
        String account = user.username().value();
        Instant reservedAt = clock.now();
        throttle.reserve(account, clientIp, reservedAt);
        if (!hasher.matches(currentPassword, user.passwordHash())) {
            // the reservation stays: it is this failure's record
            throw ValidationException.of("current_password", "is not the current password");
        }
        String newHash = hasher.hash(newPassword);
        transactions.inTransaction(() -> {
            // Based on the account as it was checked: a concurrent change makes this one stale, not lost.
            users.update(user.withPasswordHash(newHash, clock.now()));
            sessions.revokeAllExcept(caller.user(), caller.session(), clock.now());
            events.publish(SessionsEnded.allOfUserBut(caller.user(), caller.session()));
            throttle.succeeded(account, clientIp, reservedAt);
            return null;
        });
    }
}
