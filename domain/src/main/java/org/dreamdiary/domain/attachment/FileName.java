package org.dreamdiary.domain.attachment;

import java.util.Optional;
import org.dreamdiary.domain.error.InvalidValueException;
import org.dreamdiary.domain.text.TextRules;

/**
 * The name a client gave an uploaded file, kept to label its download: a last path segment of 1–255 characters
 * (code points), without control characters or path separators.
 */
public record FileName(String value) {
    public static final int MAX_LENGTH = 255;

    public FileName {
        TextRules.bounded(value, 1, MAX_LENGTH);
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidValueException("must not contain control characters");
        }
        if (value.contains("/") || value.contains("\\") || value.equals(".") || value.equals("..")) {
            throw new InvalidValueException("must be a file name, not a path");
        }
    }

    /**
     * The name to keep of what a client sent: its last path segment, with control characters dropped, cut to
     * {@link #MAX_LENGTH}; empty when nothing usable is left (a client's name is a label, never a reason to refuse).
     */
    public static Optional<FileName> fromClient(String sent) {
        if (sent == null) {
            return Optional.empty();
        }
        String last = sent.substring(Math.max(sent.lastIndexOf('/'), sent.lastIndexOf('\\')) + 1);
        StringBuilder kept = new StringBuilder();
        last.codePoints().filter(FileName::isKept).limit(MAX_LENGTH).forEach(kept::appendCodePoint);
        String name = kept.toString().strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return Optional.empty();
        }
        return Optional.of(new FileName(name));
    }

    /** Control characters would break a header line; a lone surrogate has no UTF-8 form. */
    private static boolean isKept(int codePoint) {
        return !Character.isISOControl(codePoint)
                && (codePoint < Character.MIN_SURROGATE || codePoint > Character.MAX_SURROGATE);
    }
}
