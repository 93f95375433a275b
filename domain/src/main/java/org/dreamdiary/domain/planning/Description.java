package org.dreamdiary.domain.planning;

import org.dreamdiary.domain.text.TextRules;

/** A longer description: 0–10000 characters (code points), no control characters but tab and line breaks. */
public record Description(String value) {
    public static final int MAX_LENGTH = 10000;

    public Description {
        TextRules.bounded(value, 0, MAX_LENGTH);
    }
}
