package org.dreamdiary.domain.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads an image's width and height from its own header, consuming only as many bytes as that takes and holding
 * none of the rest: what lies before the size (a JPEG's EXIF, say, which may run to megabytes) is skipped, not kept.
 * A header that ends early or breaks its format's rules states no size.
 */
public final class ImageHeaders {
    /** The part of a JPEG start-of-frame segment's body that holds the size. */
    private static final int JPEG_SOF_HEAD = 6;

    private ImageHeaders() {
    }

    /**
     * The size stated by the header of an image of {@code format} whose bytes {@code fromStart} gives from the
     * first; empty when the header is damaged, cut short or states none. Errors of the stream itself propagate.
     *
     * @throws IllegalArgumentException when {@code format} is no image format
     */
    public static Optional<ImageSize> read(FileFormat format, InputStream fromStart) throws IOException {
        return switch (format) {
            case PNG -> png(fromStart);
            case GIF -> gif(fromStart);
            case JPEG -> jpeg(fromStart);
            case WEBP -> webp(fromStart);
            case MP4, WEBM, PDF -> throw new IllegalArgumentException("a " + format + " file has no image header");
        };
    }

    /** The signature (8 bytes), the IHDR chunk's length and type (8), then width and height, big-endian. */
    private static Optional<ImageSize> png(InputStream in) throws IOException {
        byte[] head = in.readNBytes(24);
        if (head.length < 24 || head[12] != 'I' || head[13] != 'H' || head[14] != 'D' || head[15] != 'R') {
            return Optional.empty();
        }
        return size(bigEndian(head, 16, 4), bigEndian(head, 20, 4));
    }

    /** The signature (6 bytes), then the logical screen's width and height, little-endian, 16 bits each. */
    private static Optional<ImageSize> gif(InputStream in) throws IOException {
        byte[] head = in.readNBytes(10);
        if (head.length < 10) {
            return Optional.empty();
        }
        return size(littleEndian(head, 6, 2), littleEndian(head, 8, 2));
    }

    /**
     * Walks the marker segments from SOI to the first start-of-frame, skipping every other segment by its length.
     * A marker is 0xFF and a code, and any number of 0xFF fill bytes may precede the code. RSTn and TEM stand
     * alone, without a length; anything else (or an end of image, or a scan, before a frame) is damage.
     */
    private static Optional<ImageSize> jpeg(InputStream in) throws IOException {
        if (in.read() != 0xFF || in.read() != 0xD8) {
            return Optional.empty();
        }
        while (true) {
            if (in.read() != 0xFF) {
                return Optional.empty();
            }
            int marker = in.read();
            while (marker == 0xFF) {
                marker = in.read();
            }
            if (marker < 0) {
                return Optional.empty();
            }
            if (marker == 0x01 || marker >= 0xD0 && marker <= 0xD7) {
                continue;
            }
            if (marker == 0x00 || marker == 0xD8 || marker == 0xD9 || marker == 0xDA) {
                return Optional.empty();
            }
            // The segment's length counts its own two bytes.
            byte[] length = in.readNBytes(2);
            if (length.length < 2 || bigEndian(length, 0, 2) < 2) {
                return Optional.empty();
            }
            long body = bigEndian(length, 0, 2) - 2;
            if (isStartOfFrame(marker)) {
                if (body < JPEG_SOF_HEAD) {
                    return Optional.empty();
                }
                // Sample precision (1 byte), then the number of lines and of samples per line, big-endian.
                byte[] frame = in.readNBytes(JPEG_SOF_HEAD);
                if (frame.length < JPEG_SOF_HEAD) {
                    return Optional.empty();
                }
                return size(bigEndian(frame, 3, 2), bigEndian(frame, 1, 2));
            }
            if (!skip(in, body)) {
                return Optional.empty();
            }
        }
    }

    /** SOF0–SOF15 but for DHT (C4), JPG (C8) and DAC (CC), which share the range. */
    private static boolean isStartOfFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    /**
     * RIFF, its size, WEBP, then the first chunk's type and size. Simple lossy files start with VP8, simple
     * lossless ones with VP8L; extended ones with VP8X, which states the canvas for all their frames.
     */
    private static Optional<ImageSize> webp(InputStream in) throws IOException {
        byte[] head = in.readNBytes(20);
        if (head.length < 20) {
            return Optional.empty();
        }
        String chunk = new String(head, 12, 4, StandardCharsets.ISO_8859_1);
        return switch (chunk) {
            case "VP8 " -> vp8(in.readNBytes(10));
            case "VP8L" -> vp8l(in.readNBytes(5));
            case "VP8X" -> vp8x(in.readNBytes(10));
            default -> Optional.empty();
        };
    }

    /**
     * A 3-byte frame tag (bit 0 clear on a key frame, which the first frame is), the start code 9D 01 2A, then
     * width and height in the low 14 bits of two little-endian 16-bit words (the top two bits are a scale).
     */
    private static Optional<ImageSize> vp8(byte[] frame) {
        if (frame.length < 10 || (frame[0] & 1) != 0
                || (frame[3] & 0xFF) != 0x9D || frame[4] != 0x01 || frame[5] != 0x2A) {
            return Optional.empty();
        }
        return size(littleEndian(frame, 6, 2) & 0x3FFF, littleEndian(frame, 8, 2) & 0x3FFF);
    }

    /** The signature 0x2F, then width − 1 and height − 1 in 14 bits each, packed from the low bit up. */
    private static Optional<ImageSize> vp8l(byte[] header) {
        if (header.length < 5 || (header[0] & 0xFF) != 0x2F) {
            return Optional.empty();
        }
        long bits = littleEndian(header, 1, 4);
        return size((bits & 0x3FFF) + 1, (bits >> 14 & 0x3FFF) + 1);
    }

    /** Flags (1 byte), reserved (3), then canvas width − 1 and height − 1, little-endian, 24 bits each. */
    private static Optional<ImageSize> vp8x(byte[] header) {
        if (header.length < 10) {
            return Optional.empty();
        }
        return size(littleEndian(header, 4, 3) + 1, littleEndian(header, 7, 3) + 1);
    }

    /** Skips {@code count} bytes (reading them where the stream cannot skip); false when the stream ends first. */
    private static boolean skip(InputStream in, long count) throws IOException {
        long left = count;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    return false;
                }
                skipped = 1;
            }
            left -= skipped;
        }
        return true;
    }

    private static long bigEndian(byte[] bytes, int offset, int length) {
        long value = 0;
        for (int i = offset; i < offset + length; i++) {
            value = value << 8 | bytes[i] & 0xFF;
        }
        return value;
    }

    private static long littleEndian(byte[] bytes, int offset, int length) {
        long value = 0;
        for (int i = offset + length - 1; i >= offset; i--) {
            value = value << 8 | bytes[i] & 0xFF;
        }
        return value;
    }

    private static Optional<ImageSize> size(long width, long height) {
        if (width < 1 || height < 1 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
            return Optional.empty();
        }
        return Optional.of(new ImageSize((int) width, (int) height));
    }
}
