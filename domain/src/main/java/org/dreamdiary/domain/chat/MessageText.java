package org.dreamdiary.domain.chat;

import org.dreamdiary.domain.text.TextRules;

/** What a message says: 1–5000 characters (code points). */
public record MessageText(String value) {
    public static final int MAX_LENGTH = 5000;

    public MessageText {
        TextRules.bounded(value, 1, MAX_LENGTH);
    }
}
