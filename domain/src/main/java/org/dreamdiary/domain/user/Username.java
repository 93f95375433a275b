package org.dreamdiary.domain.user;

import java.util.Locale;
import java.util.regex.Pattern;
import org.dreamdiary.domain.error.InvalidValueException;

/** 3–32 of {@code [A-Za-z0-9_.-]}; shown as written, unique ignoring case. */
public record Username(String value) {
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_.-]{3,32}");

    public Username {
        if (value == null || !ALLOWED.matcher(value).matches()) {
            throw new InvalidValueException("must be 3 to 32 of the characters A-Z a-z 0-9 _ . -");
        }
    }

    /** The form two usernames are compared in. */
    public String canonical() {
        return value.toLowerCase(Locale.ROOT);
    }
}
