package org.dreamdiary.domain.chat;

import org.dreamdiary.domain.text.TextRules;

/** A chat's title: 1–200 characters (code points), no control characters but tab and line breaks. */
public record ChatTitle(String value) {
    public static final int MAX_LENGTH = 200;

    public ChatTitle {
        TextRules.bounded(value, 1, MAX_LENGTH);
    }
}
