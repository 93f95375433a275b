package org.dreamdiary.testsupport;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/** The pieces of a PNG file: its signature, and chunks framed by length, type and CRC. */
final class PngChunks {
    static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    /** A chunk's length (4 bytes), type (4) and CRC (4) around its data. */
    static final int FRAMING = 12;

    private PngChunks() {
    }

    /** An IHDR for an 8-bit greyscale image, not interlaced. */
    static byte[] header(int width, int height) {
        byte[] data = new byte[13];
        putInt(data, 0, width);
        putInt(data, 4, height);
        data[8] = 8;
        return chunk("IHDR", data);
    }

    /** An IDAT holding {@code rows}: each a filter byte (0, none) and one greyscale byte per pixel. */
    static byte[] imageData(byte[] rows) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(rows);
        deflater.finish();
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            compressed.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return chunk("IDAT", compressed.toByteArray());
    }

    static byte[] end() {
        return chunk("IEND", new byte[0]);
    }

    static byte[] chunk(String type, byte[] data) {
        byte[] chunk = new byte[FRAMING + data.length];
        putInt(chunk, 0, data.length);
        System.arraycopy(type.getBytes(StandardCharsets.US_ASCII), 0, chunk, 4, 4);
        System.arraycopy(data, 0, chunk, 8, data.length);
        CRC32 crc = new CRC32();
        crc.update(chunk, 4, 4 + data.length);
        putInt(chunk, 8 + data.length, (int) crc.getValue());
        return chunk;
    }

    private static void putInt(byte[] bytes, int offset, int value) {
        bytes[offset] = (byte) (value >>> 24);
        bytes[offset + 1] = (byte) (value >>> 16);
        bytes[offset + 2] = (byte) (value >>> 8);
        bytes[offset + 3] = (byte) value;
    }
}
