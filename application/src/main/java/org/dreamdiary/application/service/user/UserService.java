package org.dreamdiary.application.service.user;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.dreamdiary.application.change.ExpectedVersion;
import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.port.in.user.ChangePassword;
import org.dreamdiary.application.port.in.user.GetOwnProfile;
import org.dreamdiary.application.port.in.user.GetUser;
import org.dreamdiary.application.port.in.user.Principal;
import org.dreamdiary.application.port.in.user.RegisterUser;
import org.dreamdiary.application.port.in.user.SearchUsers;
import org.dreamdiary.application.port.in.user.TokenPair;
import org.dreamdiary.application.port.in.user.UpdateProfile;
import org.dreamdiary.application.port.out.Clock;
import org.dreamdiary.application.port.out.Ids;
import org.dreamdiary.application.port.out.Transactions;
import org.dreamdiary.application.port.out.user.PasswordHasher;
import org.dreamdiary.application.port.out.user.SessionEvents;
import org.dreamdiary.application.port.out.user.Sessions;
import org.dreamdiary.application.port.out.user.SessionsEnded;
import org.dreamdiary.application.port.out.user.Users;
import org.dreamdiary.application.service.AttachmentReferences;
import org.dreamdiary.domain.error.ConflictException;
import org.dreamdiary.domain.error.NotFoundException;
import org.dreamdiary.domain.error.ValidationException;
import org.dreamdiary.domain.user.PasswordPolicy;
import org.dreamdiary.domain.user.User;
import org.dreamdiary.domain.user.UserId;

/**
 * The use cases of the user: registration, the profile as the caller and others see it, and the password. The
 * read-only ones are a single query each, so they need no transaction of their own.
 */
public final class UserService
        implements RegisterUser, GetOwnProfile, GetUser, SearchUsers, UpdateProfile, ChangePassword {
    private final Users users;
    private final Sessions sessions;
    private final SessionEvents sessionEvents;
    private final PasswordHasher hasher;
    private final SessionTokens sessionTokens;
    private final RegistrationThrottle registrationThrottle;
    private final LoginThrottle loginThrottle;
    private final AttachmentReferences attachments;
    private final Transactions transactions;
    private final Clock clock;
    private final Ids ids;

    public UserService(Users users, Sessions sessions, SessionEvents sessionEvents, PasswordHasher hasher,
                       SessionTokens sessionTokens, RegistrationThrottle registrationThrottle, LoginThrottle loginThrottle,
                       AttachmentReferences attachments, Transactions transactions, Clock clock, Ids ids) {
        this.users = users;
        this.sessions = sessions;
        this.sessionEvents = sessionEvents;
        this.hasher = hasher;
        this.sessionTokens = sessionTokens;
        this.registrationThrottle = registrationThrottle;
        this.loginThrottle = loginThrottle;
        this.attachments = attachments;
        this.transactions = transactions;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public Registration register(Command command, String clientIp) {
        String password = PasswordPolicy.check(command.password());
        registrationThrottle.reserve(clientIp, clock.now());
        // A taken username is refused before the slow hash, and these first statements meet an unreachable database
        // before the hash does (a fast 503); the unique index still settles two registrations racing for one name.
        if (users.byUsername(command.username()).isPresent()) {
            throw new ConflictException("the username is taken");
        }
        // Hashing is slow on purpose; it happens before the transaction so no connection waits on it.
        String hash = hasher.hash(password);
        return transactions.inTransaction(() -> {
            Instant now = clock.now();
            User user = User.register(new UserId(ids.next()), command.username(), hash,
                    command.fullName().orElse(null), command.email().orElse(null), command.phoneNumber().orElse(null), now);
            users.add(user);
            TokenPair tokens = sessionTokens.open(user.id(), now);
            return new Registration(user, tokens);
        });
    }

    @Override
    public User ownProfile(Principal caller) {
        return user(caller, caller.user());
    }

    @Override
    public User user(Principal caller, UserId id) {
        return users.byId(id).orElseThrow(() -> new NotFoundException("user"));
    }

    @Override
    public Page<User> search(Principal caller, Optional<String> query, PageRequest page) {
        return users.search(query, page);
    }

    @Override
    public User update(Principal caller, Changes changes, ExpectedVersion expected) {
        return transactions.inTransaction(() -> {
            // the update requires the version just checked
            User current = expected.checked(users.byId(caller.user()), User::version, "user");
            UUID avatar = changes.avatarAttachmentId().orElse(current.avatarAttachmentId());
            if (changes.avatarAttachmentId().isPresent() && avatar != null) {
                // Any signed-in user may read an avatar: only the caller's own pictures may become one.
                attachments.image(caller.user(), avatar, "avatar_attachment_id");
            }
            User changed = current.withProfile(
                    changes.fullName().orElse(current.fullName()),
                    changes.email().orElse(current.email()),
                    changes.phoneNumber().orElse(current.phoneNumber()),
                    avatar, clock.now());
            users.update(changed);
            return changed;
        });
    }

    /** A wrong current password counts as a failed login, so a stolen access token cannot be used to guess it. */
    @Override
    public void change(Principal caller, String currentPassword, String newPassword, String clientIp,
                       ExpectedVersion expected) {
        PasswordPolicy.check(newPassword);
        User user = expected.checked(users.byId(caller.user()), User::version, "account");
        String account = user.username().value();
        Instant reservedAt = clock.now();
        loginThrottle.reserve(account, clientIp, reservedAt);
        if (!hasher.matches(currentPassword, user.passwordHash())) {
            // the reservation stays: it is this failure's record
            throw ValidationException.of("current_password", "is not the current password");
        }
        String newHash = hasher.hash(newPassword);
        transactions.inTransaction(() -> {
            // Based on the account as it was checked: a concurrent change makes this one stale, not lost.
            users.update(user.withPasswordHash(newHash, clock.now()));
            sessions.revokeAllExcept(caller.user(), caller.session(), clock.now());
            sessionEvents.publish(SessionsEnded.allOfUserBut(caller.user(), caller.session()));
            loginThrottle.succeeded(account, clientIp, reservedAt);
            return null;
        });
    }
}
