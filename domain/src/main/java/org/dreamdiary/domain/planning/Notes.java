package org.dreamdiary.domain.planning;

import org.dreamdiary.domain.text.TextRules;

/** Notes on a task: 0–10000 characters (code points), no control characters but tab and line breaks. */
public record Notes(String value) {
    public static final int MAX_LENGTH = 10000;

    public Notes {
        TextRules.bounded(value, 0, MAX_LENGTH);
    }
}
