package org.dreamdiary.testsupport;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * A decodable baseline JPEG of one grey colour, built by hand: JFIF, one quantisation table, a one-component
 * frame, two Huffman tables of a single one-bit code each (DC difference 0, end of block), and a scan in which
 * every 8×8 block is those two codes.
 */
final class MinimalJpeg {
    /** The most a segment's body can hold: its 16-bit length counts the two length bytes too. */
    static final int MAX_SEGMENT_BODY = 0xFFFF - 2;
    /** "Exif", two zeros, then a little-endian TIFF header pointing at an empty first IFD. */
    private static final byte[] EXIF_HEAD = {'E', 'x', 'i', 'f', 0, 0, 'I', 'I', 42, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0};

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private MinimalJpeg() {
    }

    static byte[] of(int width, int height, int metadataBytes) {
        if (width < 1 || height < 1 || width > 0xFFFF || height > 0xFFFF) {
            throw new IllegalArgumentException("a JPEG is 1 to 65535 pixels wide and high");
        }
        if (metadataBytes != 0 && metadataBytes < EXIF_HEAD.length) {
            throw new IllegalArgumentException("EXIF takes at least " + EXIF_HEAD.length + " bytes");
        }
        MinimalJpeg jpeg = new MinimalJpeg();
        jpeg.marker(0xD8);
        jpeg.segment(0xE0, bytes('J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0));
        jpeg.exif(metadataBytes);
        byte[] quantisation = new byte[65];
        Arrays.fill(quantisation, 1, 65, (byte) 1);
        jpeg.segment(0xDB, quantisation);
        jpeg.segment(0xC0, bytes(8, height >> 8, height, width >> 8, width, 1, 1, 0x11, 0));
        jpeg.segment(0xC4, singleCodeTable(0x00));
        jpeg.segment(0xC4, singleCodeTable(0x10));
        jpeg.segment(0xDA, bytes(1, 1, 0x00, 0, 63, 0));
        jpeg.scan((long) ((width + 7) / 8) * ((height + 7) / 8));
        jpeg.marker(0xD9);
        return jpeg.out.toByteArray();
    }

    /** Metadata of {@code size} bytes of segment bodies: EXIF in the first APP1, zeros after, split as needed. */
    private void exif(int size) {
        int left = size;
        boolean first = true;
        while (left > 0) {
            byte[] body = new byte[Math.min(left, MAX_SEGMENT_BODY)];
            if (first) {
                System.arraycopy(EXIF_HEAD, 0, body, 0, EXIF_HEAD.length);
                first = false;
            }
            segment(0xE1, body);
            left -= body.length;
        }
    }

    /** A Huffman table of class and id {@code classAndId} whose only code, of one bit, stands for 0. */
    private static byte[] singleCodeTable(int classAndId) {
        byte[] table = new byte[1 + 16 + 1];
        table[0] = (byte) classAndId;
        table[1] = 1;
        return table;
    }

    /** Two zero bits per block (DC difference 0, end of block), the last byte filled with one bits. */
    private void scan(long blocks) {
        long bits = blocks * 2;
        for (long i = 0; i < bits / 8; i++) {
            out.write(0);
        }
        if (bits % 8 != 0) {
            out.write(0xFF >> (bits % 8));
        }
    }

    private void marker(int code) {
        out.write(0xFF);
        out.write(code);
    }

    private void segment(int code, byte[] body) {
        marker(code);
        out.write((body.length + 2) >> 8);
        out.write(body.length + 2);
        out.writeBytes(body);
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
