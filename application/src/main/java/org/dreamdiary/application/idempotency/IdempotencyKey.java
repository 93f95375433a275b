package org.dreamdiary.application.idempotency;

import java.util.Objects;
import org.dreamdiary.domain.error.InvalidValueException;

/**
 * The client's name for one attempt at a request, so that a retry of it is not done twice: 1 to 255 characters
 * (code points), none of them a control character.
 */
public record IdempotencyKey(String value) {
    public static final int MAX_LENGTH = 255;

    public IdempotencyKey {
        Objects.requireNonNull(value, "idempotency key");
        int length = value.codePointCount(0, value.length());
        if (length < 1 || length > MAX_LENGTH) {
            throw new InvalidValueException("must be 1 to " + MAX_LENGTH + " characters");
        }
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidValueException("must not contain control characters");
        }
    }
}
