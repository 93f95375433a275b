package org.dreamdiary.application.service.attachment;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.dreamdiary.domain.attachment.AttachmentKind;
import org.dreamdiary.domain.attachment.FileFormat;
import org.dreamdiary.domain.attachment.ImageHeaders;
import org.dreamdiary.domain.attachment.ImageSize;
import org.dreamdiary.domain.attachment.Sha256;
import org.dreamdiary.domain.error.UnsupportedContentException;

/** What one pass over a file's bytes tells: its format, size and digest, and an image's width and height. */
record Inspection(FileFormat format, long size, Sha256 sha256, ImageSize imageSize) {
    private static final int BUFFER = 64 * 1024;

    /**
     * Reads all of {@code content} in bounded memory.
     *
     * @throws UnsupportedContentException when the bytes are none of the accepted formats, or an image's header
     *                                     is too damaged to give its size
     */
    static Inspection of(InputStream content) throws IOException {
        MessageDigest digest = newDigest();
        Counted counted = new Counted(new DigestInputStream(content, digest));
        BufferedInputStream in = new BufferedInputStream(counted, BUFFER);
        in.mark(FileFormat.SNIFF_LENGTH);
        byte[] head = in.readNBytes(FileFormat.SNIFF_LENGTH);
        in.reset();
        FileFormat format = FileFormat.detect(head, head.length).orElseThrow(() -> new UnsupportedContentException(
                "the file is none of JPEG, PNG, GIF, WebP, MP4, WebM or PDF"));
        ImageSize imageSize = null;
        if (format.kind() == AttachmentKind.IMAGE) {
            imageSize = ImageHeaders.read(format, in).orElseThrow(() -> new UnsupportedContentException(
                    "the " + format + " header is damaged: it gives no width and height"));
        }
        in.transferTo(OutputStream.nullOutputStream());
        return new Inspection(format, counted.count, Sha256.of(digest.digest()), imageSize);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Counts the bytes that pass; {@code skip} reads them too, so the digest under it sees every byte. */
    private static final class Counted extends FilterInputStream {
        private long count;

        Counted(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        /** Skipped bytes are read all the same: the digest must see every one. */
        @Override
        public long skip(long n) throws IOException {
            if (n <= 0) {
                return 0;
            }
            byte[] scratch = new byte[(int) Math.min(n, 8192)];
            long skipped = 0;
            while (skipped < n) {
                int read = read(scratch, 0, (int) Math.min(n - skipped, scratch.length));
                if (read < 0) {
                    break;
                }
                skipped += read;
            }
            return skipped;
        }
    }
}
