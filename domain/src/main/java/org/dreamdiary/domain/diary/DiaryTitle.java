package org.dreamdiary.domain.diary;

import org.dreamdiary.domain.text.TextRules;

/** The optional title of a diary entry: 0–200 characters (code points), no control characters but tab and line breaks. */
public record DiaryTitle(String value) {
    public static final int MAX_LENGTH = 200;

    public DiaryTitle {
        TextRules.bounded(value, 0, MAX_LENGTH);
    }
}
