package org.dreamdiary.persistence.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;

/**
 * File content made up as it is read, different for every seed and position, so that no test ever holds a whole
 * file: {@code new GeneratedContent(size, seed)}. It can start at a range of itself, fail after some bytes as a
 * client's upload might, and tell the largest piece it was asked for at once.
 */
public final class GeneratedContent extends InputStream {
    private final long end;
    private final int seed;
    private long position;
    private long failAt = Long.MAX_VALUE;
    private int largestRequest;

    public GeneratedContent(long size, int seed) {
        this.end = size;
        this.seed = seed;
    }

    /** The same content's {@code length} bytes from {@code offset}. */
    public GeneratedContent from(long offset, long length) {
        GeneratedContent range = new GeneratedContent(offset + length, seed);
        range.position = offset;
        return range;
    }

    /** This content, failing as a client that goes away once {@code bytes} were read. */
    public GeneratedContent failingAfter(long bytes) {
        failAt = bytes;
        return this;
    }

    /** The most bytes one read asked for. */
    public int largestRequest() {
        return largestRequest;
    }

    private static byte at(long position, int seed) {
        long mixed = (position + seed) * 0x9E3779B97F4A7C15L;
        return (byte) (mixed >>> 56);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        largestRequest = Math.max(largestRequest, length);
        if (position >= failAt) {
            throw new IOException("the client went away");
        }
        if (position >= end) {
            return -1;
        }
        int count = (int) Math.min(length, Math.min(end, failAt) - position);
        for (int i = 0; i < count; i++) {
            target[offset + i] = at(position + i, seed);
        }
        position += count;
        return count;
    }

    /** Both streams to their end, compared piece by piece, then closed. */
    public static void assertSameBytes(InputStream actual, InputStream expected) throws IOException {
        try (actual; expected) {
            byte[] left = new byte[64 * 1024];
            byte[] right = new byte[64 * 1024];
            long position = 0;
            while (true) {
                int got = actual.readNBytes(left, 0, left.length);
                int want = expected.readNBytes(right, 0, got == 0 ? right.length : got);
                assertEquals(want, got, "bytes read at " + position);
                if (got == 0) {
                    return;
                }
                for (int i = 0; i < got; i++) {
                    if (left[i] != right[i]) {
                        fail("byte " + (position + i) + " is " + left[i] + ", not " + right[i]);
                    }
                }
                position += got;
            }
        }
    }
}
