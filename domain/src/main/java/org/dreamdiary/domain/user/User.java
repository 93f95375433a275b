package org.dreamdiary.domain.user;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An account. Optional parts ({@code fullName}, {@code email}, {@code phoneNumber}, {@code avatarAttachmentId})
 * are {@code null} when absent. {@code version} counts changes, for optimistic concurrency.
 */
public record User(UserId id, Username username, FullName fullName, Email email, PhoneNumber phoneNumber,
                   UUID avatarAttachmentId, String passwordHash, Instant createdAt, Instant updatedAt, long version) {

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A new account, at its first version. */
    public static User register(UserId id, Username username, String passwordHash, FullName fullName, Email email,
                                PhoneNumber phoneNumber, Instant now) {
        return new User(id, username, fullName, email, phoneNumber, null, passwordHash, now, now, 1);
    }

    /** The same account with a new profile; the version moves on. */
    public User withProfile(FullName newFullName, Email newEmail, PhoneNumber newPhoneNumber, UUID newAvatar, Instant now) {
        return new User(id, username, newFullName, newEmail, newPhoneNumber, newAvatar, passwordHash, createdAt, now, version + 1);
    }

    public User withPasswordHash(String newHash, Instant now) {
        return new User(id, username, fullName, email, phoneNumber, avatarAttachmentId, newHash, createdAt, now, version + 1);
    }

    @Override
    public String toString() {
        return "User[" + id + ", " + username.value() + "]";
    }
}
