package org.dreamdiary.domain.attachment;

import java.util.regex.Pattern;
import org.dreamdiary.domain.error.InvalidValueException;

/** The SHA-256 digest of a file's bytes, as 64 lowercase hexadecimal digits. */
public record Sha256(String hex) {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    public Sha256 {
        if (hex == null || !HEX.matcher(hex).matches()) {
            throw new InvalidValueException("must be 64 lowercase hexadecimal digits");
        }
    }

    public static Sha256 of(byte[] digest) {
        StringBuilder hex = new StringBuilder(digest.length * 2);
        for (byte b : digest) {
            hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return new Sha256(hex.toString());
    }
}
