package org.dreamdiary.domain.attachment;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Reads an image's width and height from its own header, consuming only as many bytes as that takes and holding
 * none of the rest.
 */
public final class ImageHeaders {
    private ImageHeaders() {
    }

    /**
     * The size stated by the header of an image of {@code format} whose bytes {@code fromStart} gives from the
     * first; empty when the header is damaged or states none.
     */
    public static Optional<ImageSize> read(FileFormat format, InputStream fromStart) throws IOException {
        DataInputStream in = new DataInputStream(fromStart);
        return switch (format) {
            case PNG -> png(in);
            case GIF -> gif(in);
            default -> throw new UnsupportedOperationException("not yet: " + format);
        };
    }

    /** The signature (8 bytes), the IHDR chunk's length and type (8), then width and height, big-endian. */
    private static Optional<ImageSize> png(DataInputStream in) throws IOException {
        byte[] head = in.readNBytes(24);
        if (head.length < 24 || head[12] != 'I' || head[13] != 'H' || head[14] != 'D' || head[15] != 'R') {
            return Optional.empty();
        }
        return size(bigEndian(head, 16), bigEndian(head, 20));
    }

    /** The signature (6 bytes), then the logical screen's width and height, little-endian, 16 bits each. */
    private static Optional<ImageSize> gif(DataInputStream in) throws IOException {
        byte[] head = in.readNBytes(10);
        if (head.length < 10) {
            return Optional.empty();
        }
        return size((head[6] & 0xFF) | (head[7] & 0xFF) << 8, (head[8] & 0xFF) | (head[9] & 0xFF) << 8);
    }

    private static long bigEndian(byte[] bytes, int offset) {
        return (bytes[offset] & 0xFFL) << 24 | (bytes[offset + 1] & 0xFF) << 16 | (bytes[offset + 2] & 0xFF) << 8
                | bytes[offset + 3] & 0xFF;
    }

    private static Optional<ImageSize> size(long width, long height) {
        if (width < 1 || height < 1 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
            return Optional.empty();
        }
        return Optional.of(new ImageSize((int) width, (int) height));
    }
}
