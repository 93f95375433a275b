package org.dreamdiary.domain.user;

import org.dreamdiary.domain.text.TextRules;

/** Up to 200 characters; an empty name means none. */
public record FullName(String value) {
    public static final int MAX_LENGTH = 200;

    public FullName {
        TextRules.bounded(value, 1, MAX_LENGTH);
    }
}
