package org.dreamdiary.domain.text;

import org.dreamdiary.domain.error.InvalidValueException;

/**
 * Limits on user text: lengths count Unicode code points, control characters other than tab and line breaks are
 * refused, and so is a lone surrogate (it has no UTF-8 form, so storing it would silently change it).
 */
public final class TextRules {
    private TextRules() {
    }

    /** Returns {@code text} when it has {@code min..max} code points and no forbidden control character. */
    public static String bounded(String text, int min, int max) {
        requireWellFormed(text);
        requireNoControlCharacters(text);
        int length = text.codePointCount(0, text.length());
        if (length < min || length > max) {
            throw new InvalidValueException(min == 0
                    ? "must be at most " + max + " characters"
                    : "must be " + min + " to " + max + " characters");
        }
        return text;
    }

    /** Returns {@code text} when it has no forbidden control character. */
    public static String requireNoControlCharacters(String text) {
        if (text.codePoints().anyMatch(TextRules::isForbiddenControl)) {
            throw new InvalidValueException("must not contain control characters");
        }
        return text;
    }

    /** Returns {@code text} when every surrogate in it is half of a pair, so that it is real Unicode. */
    public static String requireWellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidValueException("must be valid Unicode (it has a lone surrogate)");
            }
        }
        return text;
    }

    private static boolean isForbiddenControl(int c) {
        boolean c0 = c <= 0x1F && c != '\t' && c != '\n' && c != '\r';
        return c0 || (c >= 0x7F && c <= 0x9F);
    }
}
