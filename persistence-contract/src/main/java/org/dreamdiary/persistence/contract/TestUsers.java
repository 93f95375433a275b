package org.dreamdiary.persistence.contract;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.dreamdiary.application.port.out.user.Users;
import org.dreamdiary.domain.user.Email;
import org.dreamdiary.domain.user.FullName;
import org.dreamdiary.domain.user.PhoneNumber;
import org.dreamdiary.domain.user.User;
import org.dreamdiary.domain.user.UserId;
import org.dreamdiary.domain.user.Username;

/** Test data: {@code aUser().named("alice").withEmail("a@example.org").build()}; unnamed users get a unique name. */
public final class TestUsers {
    /** Microseconds, as PostgreSQL keeps them, so that a stored account compares equal to the one written. */
    public static final Instant REGISTERED = Instant.parse("2026-11-21T10:30:00.123456Z");

    private TestUsers() {
    }

    public static Builder aUser() {
        return new Builder();
    }

    /** The id of a new account, added to {@code users}: the owner a test writes under. */
    public static UserId anAccountIn(Users users) {
        User account = aUser().build();
        users.add(account);
        return account.id();
    }

    /** {@code prefix} and 12 random hex digits, unique across tests that share one store. */
    public static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
    }

    public static final class Builder {
        private UUID id = UUID.randomUUID();
        private String username = unique("user");
        private String fullName;
        private String email;
        private String phoneNumber;

        public Builder withId(UUID newId) {
            id = newId;
            return this;
        }

        public Builder named(String newUsername) {
            username = newUsername;
            return this;
        }

        public Builder withFullName(String newFullName) {
            fullName = newFullName;
            return this;
        }

        public Builder withEmail(String newEmail) {
            email = newEmail;
            return this;
        }

        public Builder withPhoneNumber(String newPhoneNumber) {
            phoneNumber = newPhoneNumber;
            return this;
        }

        public User build() {
            return User.register(new UserId(id), new Username(username), "$2b$12$hash-of-" + username,
                    fullName == null ? null : new FullName(fullName),
                    email == null ? null : new Email(email),
                    phoneNumber == null ? null : new PhoneNumber(phoneNumber),
                    REGISTERED);
        }
    }
}
