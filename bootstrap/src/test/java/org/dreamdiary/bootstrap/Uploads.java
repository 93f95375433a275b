package org.dreamdiary.bootstrap;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.zip.CRC32;

/**
 * Files and {@code multipart/form-data} bodies for upload tests: small ones as bytes, large ones made as they are
 * sent, so that a 10 MiB upload never sits in the test's memory either.
 */
final class Uploads {
    static final String BOUNDARY = "test-boundary-7MA4YWxkTrZu0gW";
    static final String CONTENT_TYPE = "multipart/form-data; boundary=" + BOUNDARY;
    static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    private Uploads() {
    }

    /** A PNG of the given size: signature, IHDR, an empty IDAT and IEND (a header is all the service reads). */
    static byte[] png(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put(new byte[] {8, 2, 0, 0, 0}).array());
        chunk(out, "IDAT", new byte[0]);
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /** A PNG of exactly {@code size} bytes: a {@link #png} header, then the {@link #filler} byte of each position. */
    static InputStream pngOfSize(long size) {
        byte[] head = png(64, 48);
        return new SequenceInputStream(Collections.enumeration(List.of(new java.io.ByteArrayInputStream(head),
                new Filler(head.length, size - head.length))));
    }

    /** The byte at {@code position} of a {@link #pngOfSize} file past its header: varied, so misplaced bytes show. */
    static byte filler(long position) {
        return (byte) ((position * 7919) % 251);
    }

    /** The bytes of {@code pngOfSize(size)} from {@code first} to {@code last}, inclusive. */
    static byte[] pngBytes(long size, long first, long last) {
        try (InputStream in = pngOfSize(size)) {
            in.skipNBytes(first);
            return in.readNBytes((int) (last - first + 1));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A body with one part named {@code part}, holding {@code content} under the file name {@code fileName} (may be null). */
    static byte[] multipart(String part, String fileName, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(partHead(BOUNDARY, part, fileName));
        out.writeBytes(content);
        out.writeBytes(tail(BOUNDARY));
        return out.toByteArray();
    }

    /** Several parts in one body, each {@code {name, fileName, text}} (fileName may be null: a plain field). */
    static byte[] multipart(String[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.writeBytes(partHead(BOUNDARY, parts[i][0], parts[i][1]));
            out.writeBytes(parts[i][2].getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(tail(BOUNDARY));
        return out.toByteArray();
    }

    /** A streamed upload of a {@link #pngOfSize} file, with its exact {@code Content-Length}, framed by {@code boundary}. */
    static BodyPublisher streamedPng(String boundary, String fileName, long size) {
        byte[] head = partHead(boundary, "file", fileName);
        byte[] tail = tail(boundary);
        return HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
                () -> new SequenceInputStream(Collections.enumeration(List.of(new java.io.ByteArrayInputStream(head),
                        pngOfSize(size), new java.io.ByteArrayInputStream(tail))))), head.length + size + tail.length);
    }

    static String contentType(String boundary) {
        return "multipart/form-data; boundary=" + boundary;
    }

    static String newBoundary() {
        return "b-" + UUID.randomUUID();
    }

    static byte[] partHead(String boundary, String part, String fileName) {
        String disposition = "Content-Disposition: form-data; name=\"" + part + "\""
                + (fileName == null ? "" : "; filename=\"" + fileName + "\"");
        return ("--" + boundary + "\r\n" + disposition + "\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    static byte[] tail(String boundary) {
        return ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** {@code count} filler bytes for the positions from {@code start}, made as they are read. */
    private static final class Filler extends InputStream {
        private long position;
        private final long end;

        Filler(long start, long count) {
            this.position = start;
            this.end = start + count;
        }

        @Override
        public int read() {
            return position < end ? filler(position++) & 0xFF : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position >= end) {
                return -1;
            }
            int n = (int) Math.min(length, end - position);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = filler(position++);
            }
            return n;
        }
    }
}
