package org.dreamdiary.application.service.user;

import java.time.Instant;
import org.dreamdiary.application.port.in.user.RegisterUser;
import org.dreamdiary.application.port.in.user.TokenPair;
import org.dreamdiary.application.port.out.Clock;
import org.dreamdiary.application.port.out.Ids;
import org.dreamdiary.application.port.out.Transactions;
import org.dreamdiary.application.port.out.user.PasswordHasher;
import org.dreamdiary.application.port.out.user.Users;
import org.dreamdiary.domain.error.ConflictException;
import org.dreamdiary.domain.user.PasswordPolicy;
import org.dreamdiary.domain.user.User;
import org.dreamdiary.domain.user.UserId;

public final class RegisterUserService implements RegisterUser {
    private final Users users;
    private final PasswordHasher hasher;
    private final SessionTokens sessionTokens;
    private final Transactions transactions;
    private final Clock clock;
    private final Ids ids;
    private final RegistrationThrottle throttle;

    public RegisterUserService(Users users, SessionTokens sessionTokens, PasswordHasher hasher, Transactions transactions,
                               Clock clock, Ids ids, RegistrationThrottle throttle) {
        this.users = users;
        this.hasher = hasher;
        this.sessionTokens = sessionTokens;
        this.transactions = transactions;
        this.clock = clock;
        this.ids = ids;
        this.throttle = throttle;
    }

    @Override
    public Registration register(Command command, String clientIp) {
        String password = PasswordPolicy.check(command.password());
        throttle.reserve(clientIp, clock.now());
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
}
