package org.dreamdiary.domain.diary;

import org.dreamdiary.domain.text.TextRules;

/** What the diary entry says: 1–20000 characters (code points), no control characters but tab and line breaks. */
public record DiaryText(String value) {
    public static final int MAX_LENGTH = 20000;

    public DiaryText {
        TextRules.bounded(value, 1, MAX_LENGTH);
    }
}
