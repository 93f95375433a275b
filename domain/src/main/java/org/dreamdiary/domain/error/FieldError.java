package org.dreamdiary.domain.error;

import java.util.Objects;

/** One offending input field and what is wrong with it. */
public record FieldError(String field, String message) {
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
