package org.dreamdiary.testsupport;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A decodable two-colour GIF of a checkerboard, LZW-coded the simple way: a clear code before every second
 * pixel keeps the table from growing, so every code stays three bits wide.
 */
final class MinimalGif {
    private static final int MIN_CODE_SIZE = 2;
    private static final int CLEAR = 1 << MIN_CODE_SIZE;
    private static final int END = CLEAR + 1;
    private static final int CODE_BITS = MIN_CODE_SIZE + 1;
    /** Night blue, then moon yellow; a two-colour table is the smallest GIF allows. */
    private static final byte[] PALETTE = {0x1A, 0x1F, 0x4D, (byte) 0xF5, (byte) 0xE6, (byte) 0xA3};

    private MinimalGif() {
    }

    static byte[] of(int width, int height) {
        if (width < 1 || height < 1 || width > 0xFFFF || height > 0xFFFF) {
            throw new IllegalArgumentException("a GIF is 1 to 65535 pixels wide and high");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("GIF89a".getBytes(StandardCharsets.US_ASCII));
        writeShort(out, width);
        writeShort(out, height);
        out.write(0x80);
        out.write(0);
        out.write(0);
        out.writeBytes(PALETTE);
        out.write(0x2C);
        writeShort(out, 0);
        writeShort(out, 0);
        writeShort(out, width);
        writeShort(out, height);
        out.write(0);
        out.write(MIN_CODE_SIZE);
        byte[] data = lzw(width, height);
        for (int offset = 0; offset < data.length; offset += 255) {
            int length = Math.min(255, data.length - offset);
            out.write(length);
            out.write(data, offset, length);
        }
        out.write(0);
        out.write(0x3B);
        return out.toByteArray();
    }

    private static byte[] lzw(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long pixels = (long) width * height;
        int buffer = 0;
        int bits = 0;
        for (long i = 0; i <= pixels; i++) {
            int[] codes = i == pixels ? new int[] {END}
                    : i % 2 == 0 ? new int[] {CLEAR, colour(i % width, i / width)}
                    : new int[] {colour(i % width, i / width)};
            for (int code : codes) {
                buffer |= code << bits;
                bits += CODE_BITS;
                while (bits >= 8) {
                    out.write(buffer & 0xFF);
                    buffer >>>= 8;
                    bits -= 8;
                }
            }
        }
        if (bits > 0) {
            out.write(buffer & 0xFF);
        }
        return out.toByteArray();
    }

    private static int colour(long x, long y) {
        return (int) ((x / 8 + y / 8) % 2);
    }

    private static void writeShort(ByteArrayOutputStream out, int value) {
        out.write(value & 0xFF);
        out.write(value >> 8 & 0xFF);
    }
}
