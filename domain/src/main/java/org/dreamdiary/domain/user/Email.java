package org.dreamdiary.domain.user;

import java.util.Locale;
import java.util.regex.Pattern;
import org.dreamdiary.domain.error.InvalidValueException;

/** An e-mail address of the usual shape ({@code local@domain.tld}, at most 254 characters); unique ignoring case. */
public record Email(String value) {
    private static final Pattern SHAPE = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    public Email {
        if (value == null || value.length() > 254 || !SHAPE.matcher(value).matches()
                || value.startsWith(".") || value.contains("..") || value.contains(".@")) {
            throw new InvalidValueException("must be a valid e-mail address");
        }
    }

    public String canonical() {
        return value.toLowerCase(Locale.ROOT);
    }
}
