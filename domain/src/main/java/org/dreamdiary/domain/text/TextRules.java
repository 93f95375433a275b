package org.dreamdiary.domain.text;

import org.dreamdiary.domain.error.InvalidValueException;

/** Limits on user text: lengths count Unicode code points, and control characters other than tab and line breaks are refused. */
public final class TextRules {
    private TextRules() {
    }

    /** Returns {@code text} when it has {@code min..max} code points and no forbidden control character. */
    public static String bounded(String text, int min, int max) {
        requireNoControlCharacters(text);
        int length = text.codePointCount(0, text.length());
        if (length < min || length > max) {
            throw new InvalidValueException(min == 0
                    ? "must be at most " + max + " characters"
                    : "must be " + min + " to " + max + " characters");
        }
        return text;
    }

    public static void requireNoControlCharacters(String text) {
        if (text.codePoints().anyMatch(TextRules::isForbiddenControl)) {
            throw new InvalidValueException("must not contain control characters");
        }
    }

    private static boolean isForbiddenControl(int c) {
        boolean c0 = c <= 0x1F && c != '\t' && c != '\n' && c != '\r';
        return c0 || (c >= 0x7F && c <= 0x9F);
    }
}
