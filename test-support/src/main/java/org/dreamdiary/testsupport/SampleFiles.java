package org.dreamdiary.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Small valid files of every format the service takes, made in memory (or, for the two films, kept as resources),
 * and large ones made on the fly: what tests upload. Every image decodes to the size asked for.
 */
public final class SampleFiles {
    private SampleFiles() {
    }

    /** An 8-bit greyscale PNG of a diagonal gradient. */
    public static byte[] png(int width, int height) {
        byte[] rows = new byte[Math.multiplyExact(height, Math.addExact(width, 1))];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                rows[y * (width + 1) + 1 + x] = (byte) (x + y);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(PngChunks.SIGNATURE);
        png.writeBytes(PngChunks.header(width, height));
        png.writeBytes(PngChunks.imageData(rows));
        png.writeBytes(PngChunks.end());
        return png.toByteArray();
    }

    /**
     * A PNG of exactly {@code totalBytes}, made while it is read and never held whole (at most 64 KiB at a time):
     * a one-pixel image and private chunks of pseudo-random padding. The same size always gives the same bytes,
     * so a test can digest a second stream to know the first's SHA-256.
     *
     * @throws IllegalArgumentException below the smallest such PNG ({@link #minPaddedPngSize()} bytes), or up to
     *                                  11 bytes above it (too few for a padding chunk)
     */
    public static InputStream pngStream(long totalBytes) {
        return new PaddedPngStream(totalBytes);
    }

    /** {@link #pngStream} in an array, for tests that send bytes they hold. */
    public static byte[] pngOfSize(int totalBytes) {
        try (InputStream in = pngStream(totalBytes)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The size of the smallest PNG {@link #pngStream} makes. */
    public static long minPaddedPngSize() {
        return PaddedPngStream.MIN_SIZE;
    }

    /** A decodable baseline JFIF JPEG of one grey colour. */
    public static byte[] jpeg(int width, int height) {
        return MinimalJpeg.of(width, height, 0);
    }

    /**
     * {@link #jpeg} with {@code exifBytes} bytes of APP1 segment bodies between its JFIF segment and its frame
     * header: EXIF first, then zeros, in as many segments as that takes (one holds at most 65,533 bytes).
     *
     * @throws IllegalArgumentException when {@code exifBytes} is below 20, the least an EXIF header takes
     */
    public static byte[] jpegWithLargeExif(int width, int height, int exifBytes) {
        return MinimalJpeg.of(width, height, exifBytes);
    }

    /** A two-colour GIF89a of a checkerboard. */
    public static byte[] gif(int width, int height) {
        return MinimalGif.of(width, height);
    }

    /**
     * A lossless (VP8L) WebP of one colour. All five of its prefix codes have a single symbol, so the pixels take
     * no bits at all: the file is 32 bytes whatever its size.
     */
    public static byte[] webp(int width, int height) {
        if (width < 1 || height < 1 || width > 1 << 14 || height > 1 << 14) {
            throw new IllegalArgumentException("a lossless WebP is 1 to 16384 pixels wide and high");
        }
        Bits bits = new Bits();
        bits.write(width - 1, 14).write(height - 1, 14).write(0, 1).write(0, 3);
        // No transform, no colour cache, no meta prefix codes.
        bits.write(0, 1).write(0, 1).write(0, 1);
        // Green, red, blue and alpha: each a simple code of one 8-bit symbol; then distance: one 1-bit symbol.
        for (int symbol : new int[] {0x1F, 0x1A, 0x4D, 0xFF}) {
            bits.write(1, 1).write(0, 1).write(1, 1).write(symbol, 8);
        }
        bits.write(1, 1).write(0, 1).write(0, 1).write(0, 1);
        byte[] stream = bits.bytes();
        byte[] chunk = new byte[1 + stream.length];
        chunk[0] = 0x2F;
        System.arraycopy(stream, 0, chunk, 1, stream.length);
        return riff("WEBP", "VP8L", chunk);
    }

    /**
     * A playable H.264 MP4 (160×90, 6 s, a clock on a test pattern, a key frame every second, index first): for
     * seeking. Made with {@code ffmpeg -f lavfi -i testsrc=size=160x90:rate=10:duration=6 -c:v libx264
     * -profile:v baseline -pix_fmt yuv420p -g 10 -keyint_min 10 -sc_threshold 0 -crf 35 -movflags +faststart
     * -bitexact -map_metadata -1 -fflags +bitexact six-seconds.mp4}.
     */
    public static byte[] mp4() {
        return resource("six-seconds.mp4");
    }

    /**
     * A playable VP9 WebM of the same film as {@link #mp4}: made the same way with {@code -c:v libvpx-vp9 -g 10
     * -b:v 0 -crf 50 -deadline good}.
     */
    public static byte[] webm() {
        return resource("six-seconds.webm");
    }

    /** A one-page PDF 1.4 that says "Dream Diary", with a correct cross-reference table. */
    public static byte[] pdf() {
        String text = "BT /F1 18 Tf 20 45 Td (Dream Diary) Tj ET";
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R"
                        + " /Resources << /Font << /F1 5 0 R >> >> >>",
                "<< /Length " + text.length() + " >>\nstream\n" + text + "\nendstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        offsets.forEach(offset -> pdf.append(String.format("%010d 00000 n \n", offset)));
        pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** {@code size} pseudo-random bytes, the same for the same seed: content of no format. */
    public static byte[] noise(int size, long seed) {
        byte[] bytes = new byte[size];
        new SplittableRandom(seed).nextBytes(bytes);
        return bytes;
    }

    /** A RIFF file of {@code form} holding one chunk (padded to an even length, as RIFF wants). */
    private static byte[] riff(String form, String chunkType, byte[] data) {
        int padded = data.length + data.length % 2;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
        writeIntLittleEndian(out, 4 + 8 + padded);
        out.writeBytes(form.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(chunkType.getBytes(StandardCharsets.US_ASCII));
        writeIntLittleEndian(out, data.length);
        out.writeBytes(data);
        if (padded > data.length) {
            out.write(0);
        }
        return out.toByteArray();
    }

    private static void writeIntLittleEndian(ByteArrayOutputStream out, int value) {
        for (int i = 0; i < 4; i++) {
            out.write(value >> 8 * i & 0xFF);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = SampleFiles.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no sample " + name + " next to " + SampleFiles.class.getName());
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bits packed from the low bit of each byte up, as VP8L reads them. */
    private static final class Bits {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private long buffer;
        private int count;

        Bits write(int value, int width) {
            buffer |= (long) (value & ((1 << width) - 1)) << count;
            count += width;
            while (count >= 8) {
                out.write((int) (buffer & 0xFF));
                buffer >>>= 8;
                count -= 8;
            }
            return this;
        }

        byte[] bytes() {
            if (count > 0) {
                out.write((int) (buffer & 0xFF));
                buffer = 0;
                count = 0;
            }
            return out.toByteArray();
        }
    }
}
