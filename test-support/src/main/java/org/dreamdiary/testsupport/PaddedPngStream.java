package org.dreamdiary.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.SplittableRandom;

/**
 * A valid one-pixel PNG of an exact total size, made on the fly: after its image data come private ancillary
 * {@code paDd} chunks of pseudo-random bytes, which every decoder skips, then IEND. It holds one padding chunk
 * (at most 64 KiB) at a time, whatever the size, and gives the same bytes for the same size every time.
 */
final class PaddedPngStream extends InputStream {
    private static final int MAX_PADDING_DATA = 64 * 1024;
    private static final byte[] HEAD = head();
    private static final byte[] END = PngChunks.end();
    /** The smallest such PNG: no padding at all. */
    static final long MIN_SIZE = HEAD.length + END.length;

    private final SplittableRandom random;
    private long paddingLeft;
    private byte[] piece = HEAD;
    private int position;
    private boolean ended;

    PaddedPngStream(long totalBytes) {
        long padding = totalBytes - MIN_SIZE;
        if (padding < 0 || padding > 0 && padding < PngChunks.FRAMING) {
            throw new IllegalArgumentException("a padded PNG has " + MIN_SIZE + " bytes, or at least "
                    + (MIN_SIZE + PngChunks.FRAMING) + ": not " + totalBytes);
        }
        this.paddingLeft = padding;
        this.random = new SplittableRandom(totalBytes);
    }

    private static byte[] head() {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        head.writeBytes(PngChunks.SIGNATURE);
        head.writeBytes(PngChunks.header(1, 1));
        head.writeBytes(PngChunks.imageData(new byte[] {0, (byte) 0x80}));
        return head.toByteArray();
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        while (position == piece.length) {
            if (ended) {
                return -1;
            }
            piece = nextPiece();
            position = 0;
        }
        int n = Math.min(length, piece.length - position);
        System.arraycopy(piece, position, buffer, offset, n);
        position += n;
        return n;
    }

    /** The next padding chunk, sized so that what is left is never too small for a chunk's framing; then IEND. */
    private byte[] nextPiece() {
        if (paddingLeft == 0) {
            ended = true;
            return END;
        }
        long size = Math.min(paddingLeft, PngChunks.FRAMING + MAX_PADDING_DATA);
        if (paddingLeft - size > 0 && paddingLeft - size < PngChunks.FRAMING) {
            size = paddingLeft - PngChunks.FRAMING;
        }
        paddingLeft -= size;
        byte[] data = new byte[(int) size - PngChunks.FRAMING];
        random.nextBytes(data);
        return PngChunks.chunk("paDd", data);
    }
}
