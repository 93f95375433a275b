package org.dreamdiary.domain.planning;

import org.dreamdiary.domain.text.TextRules;

/** What a task asks: 1–1000 characters (code points), no control characters but tab and line breaks. */
public record TaskText(String value) {
    public static final int MAX_LENGTH = 1000;

    public TaskText {
        TextRules.bounded(value, 1, MAX_LENGTH);
    }
}
