package org.dreamdiary.domain.planning;

import org.dreamdiary.domain.text.TextRules;

/** A dream or goal's name: 1–200 characters (code points), no control characters but tab and line breaks. */
public record Name(String value) {
    public static final int MAX_LENGTH = 200;

    public Name {
        TextRules.bounded(value, 1, MAX_LENGTH);
    }
}
