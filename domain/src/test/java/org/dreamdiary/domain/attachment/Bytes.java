package org.dreamdiary.domain.attachment;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Small byte-level builders for the headers the attachment tests feed in. */
final class Bytes {
    private Bytes() {
    }

    /** The given values, each cut to its low byte. */
    static byte[] of(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static byte[] bigEndian16(int value) {
        return of(value >> 8, value);
    }

    static byte[] bigEndian32(long value) {
        return of((int) (value >> 24), (int) (value >> 16), (int) (value >> 8), (int) value);
    }

    static byte[] littleEndian(long value, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (value >> 8 * i);
        }
        return bytes;
    }

    /** The first {@code length} bytes of {@code bytes}. */
    static byte[] cut(byte[] bytes, int length) {
        return Arrays.copyOf(bytes, length);
    }
}
