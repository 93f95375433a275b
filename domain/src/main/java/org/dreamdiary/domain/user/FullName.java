package org.dreamdiary.domain.user;

import org.dreamdiary.domain.text.TextRules;

/** 1–200 characters; a user without a name has none ({@code null}), not an empty one. */
public record FullName(String value) {
    public static final int MAX_LENGTH = 200;

    public FullName {
        TextRules.bounded(value, 1, MAX_LENGTH);
    }
}
