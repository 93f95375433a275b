package org.dreamdiary.domain.user;

import org.dreamdiary.domain.error.InvalidValueException;

/** Passwords are 8–128 characters (code points), taken exactly as typed: nothing is trimmed. */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;

    private PasswordPolicy() {
    }

    public static String check(String password) {
        int length = password == null ? 0 : password.codePointCount(0, password.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw new InvalidValueException("must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters");
        }
        return password;
    }
}
