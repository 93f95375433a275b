package org.dreamdiary.client.model;

import java.util.Objects;

/**
 * An account to register: a username (3–32 of {@code [A-Za-z0-9_.-]}, unique ignoring case) and a password (8–128
 * characters), optionally an email (unique), a full name and a phone number ({@code +} and 7–15 digits).
 */
public record NewUser(String username, String password, String email, String fullName, String phoneNumber) {
    public NewUser {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    public static NewUser of(String username, String password) {
        return new NewUser(username, password, null, null, null);
    }

    public NewUser withEmail(String email) {
        return new NewUser(username, password, email, fullName, phoneNumber);
    }

    public NewUser withFullName(String fullName) {
        return new NewUser(username, password, email, fullName, phoneNumber);
    }

    public NewUser withPhoneNumber(String phoneNumber) {
        return new NewUser(username, password, email, fullName, phoneNumber);
    }

    /** Passwords never appear in logs: neither does this. */
    @Override
    public String toString() {
        return "NewUser[username=" + username + "]";
    }
}
