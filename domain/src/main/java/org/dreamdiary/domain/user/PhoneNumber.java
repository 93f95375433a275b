package org.dreamdiary.domain.user;

import java.util.regex.Pattern;
import org.dreamdiary.domain.error.InvalidValueException;

/** {@code +} and 7–15 digits (E.164). */
public record PhoneNumber(String value) {
    private static final Pattern E164 = Pattern.compile("\\+[0-9]{7,15}");

    public PhoneNumber {
        if (value == null || !E164.matcher(value).matches()) {
            throw new InvalidValueException("must be + and 7 to 15 digits");
        }
    }
}
