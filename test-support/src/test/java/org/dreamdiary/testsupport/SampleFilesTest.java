package org.dreamdiary.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.dreamdiary.domain.attachment.FileFormat;
import org.dreamdiary.domain.attachment.ImageHeaders;
import org.dreamdiary.domain.attachment.ImageSize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SampleFilesTest {
    private static final int TEN_MIB = 10 * 1024 * 1024;

    private static FileFormat format(byte[] file) {
        return FileFormat.detect(file, file.length).orElseThrow();
    }

    private static ImageSize headerSize(byte[] file) throws IOException {
        return ImageHeaders.read(format(file), new ByteArrayInputStream(file)).orElseThrow();
    }

    static Stream<Arguments> decodableImages() {
        BiFunction<Integer, Integer, byte[]> exif = (w, h) -> SampleFiles.jpegWithLargeExif(w, h, 200_000);
        return Stream.of(
                arguments(named("PNG", (BiFunction<Integer, Integer, byte[]>) SampleFiles::png), FileFormat.PNG),
                arguments(named("JPEG", (BiFunction<Integer, Integer, byte[]>) SampleFiles::jpeg), FileFormat.JPEG),
                arguments(named("JPEG with EXIF", exif), FileFormat.JPEG),
                arguments(named("GIF", (BiFunction<Integer, Integer, byte[]>) SampleFiles::gif), FileFormat.GIF));
    }

    @ParameterizedTest
    @MethodSource("decodableImages")
    void anImageDecodesToTheSizeAskedAndItsHeaderSaysSo(BiFunction<Integer, Integer, byte[]> make, FileFormat expected)
            throws IOException {
        for (int[] size : new int[][] {{1, 1}, {7, 3}, {640, 480}, {33, 200}}) {
            byte[] file = make.apply(size[0], size[1]);
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(file));
            assertThat(decoded.getWidth()).isEqualTo(size[0]);
            assertThat(decoded.getHeight()).isEqualTo(size[1]);
            assertThat(format(file)).isEqualTo(expected);
            assertThat(headerSize(file)).isEqualTo(new ImageSize(size[0], size[1]));
        }
    }

    @Test
    void aGifShowsItsCheckerboardInBothColours() throws IOException {
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(SampleFiles.gif(16, 8)));
        assertThat(decoded.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0x1A1F4D);
        assertThat(decoded.getRGB(8, 0) & 0xFFFFFF).isEqualTo(0xF5E6A3);
        assertThat(decoded.getRGB(15, 7) & 0xFFFFFF).isEqualTo(0xF5E6A3);
    }

    @Test
    void exifOfMegabytesComesBeforeTheFrameHeader() throws IOException {
        byte[] file = SampleFiles.jpegWithLargeExif(1920, 1080, 3_000_000);
        assertThat(file.length).isGreaterThan(3_000_000);
        assertThat(new String(file, 24, 6, StandardCharsets.ISO_8859_1)).isEqualTo("Exif\0\0");
        assertThat(headerSize(file)).isEqualTo(new ImageSize(1920, 1080));
        assertThatThrownBy(() -> SampleFiles.jpegWithLargeExif(10, 10, 19)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 100, 16383, 16384})
    void aWebPIsALosslessImageOfTheSizeAsked(int side) throws IOException {
        byte[] file = SampleFiles.webp(side, 16385 - side);
        assertThat(format(file)).isEqualTo(FileFormat.WEBP);
        assertThat(new String(file, 12, 4, StandardCharsets.US_ASCII)).isEqualTo("VP8L");
        assertThat(headerSize(file)).isEqualTo(new ImageSize(side, 16385 - side));
        assertThat(file).hasSize(32);
    }

    @Test
    void aWebPBeyondTheLosslessLimitIsRefused() {
        assertThatThrownBy(() -> SampleFiles.webp(16385, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theFilmsAreAnMp4AndAWebM() {
        assertThat(format(SampleFiles.mp4())).isEqualTo(FileFormat.MP4);
        assertThat(format(SampleFiles.webm())).isEqualTo(FileFormat.WEBM);
        assertThat(SampleFiles.mp4().length).isGreaterThan(10_000);
        assertThat(SampleFiles.webm().length).isGreaterThan(10_000);
    }

    @Test
    void thePdfsCrossReferencesPointAtItsObjects() {
        byte[] file = SampleFiles.pdf();
        String pdf = new String(file, StandardCharsets.ISO_8859_1);
        assertThat(format(file)).isEqualTo(FileFormat.PDF);
        Matcher entries = Pattern.compile("(\\d{10}) 00000 n \n").matcher(pdf);
        int object = 0;
        while (entries.find()) {
            object++;
            assertThat(pdf.substring(Integer.parseInt(entries.group(1)))).startsWith(object + " 0 obj\n");
        }
        assertThat(object).isEqualTo(5);
        Matcher startXref = Pattern.compile("startxref\n(\\d+)\n%%EOF\n$").matcher(pdf);
        assertThat(startXref.find()).isTrue();
        assertThat(pdf.substring(Integer.parseInt(startXref.group(1)))).startsWith("xref\n0 6\n");
    }

    static Stream<Long> pngSizes() {
        long min = SampleFiles.minPaddedPngSize();
        return Stream.of(min, min + 12, min + 13, min + 12 + 65536, min + 12 + 65536 + 5, min + 2 * (12 + 65536) + 11,
                (long) TEN_MIB, TEN_MIB + 1L);
    }

    @ParameterizedTest
    @MethodSource("pngSizes")
    void aPaddedPngHasExactlyTheSizeAskedAndEveryChunkIsValid(long size) throws IOException {
        try (DataInputStream in = new DataInputStream(SampleFiles.pngStream(size))) {
            byte[] signature = in.readNBytes(8);
            assertThat(FileFormat.detect(signature, 8)).contains(FileFormat.PNG);
            long read = signature.length;
            String type;
            do {
                int length = in.readInt();
                byte[] typeAndData = in.readNBytes(4 + length);
                type = new String(typeAndData, 0, 4, StandardCharsets.US_ASCII);
                CRC32 crc = new CRC32();
                crc.update(typeAndData);
                assertThat(in.readInt()).as("CRC of %s", type).isEqualTo((int) crc.getValue());
                read += 12 + length;
            } while (!type.equals("IEND"));
            assertThat(in.read()).isEqualTo(-1);
            assertThat(read).isEqualTo(size);
        }
    }

    @Test
    void aPaddedPngDecodesAsAOnePixelImage() throws IOException {
        byte[] file = SampleFiles.pngOfSize(300_000);
        assertThat(file).hasSize(300_000);
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(file));
        assertThat(decoded.getWidth()).isEqualTo(1);
        assertThat(decoded.getHeight()).isEqualTo(1);
        assertThat(headerSize(file)).isEqualTo(new ImageSize(1, 1));
    }

    @Test
    void theSameSizeGivesTheSameBytesAndAnotherSizeOthers() throws IOException {
        assertThat(sha256(SampleFiles.pngStream(TEN_MIB))).isEqualTo(sha256(SampleFiles.pngStream(TEN_MIB)));
        assertThat(sha256(SampleFiles.pngStream(TEN_MIB))).isEqualTo(sha256(
                new ByteArrayInputStream(SampleFiles.pngOfSize(TEN_MIB))));
        assertThat(sha256(SampleFiles.pngStream(TEN_MIB))).isNotEqualTo(sha256(SampleFiles.pngStream(TEN_MIB + 1)));
    }

    @Test
    void aSizeWithNoRoomForPaddingIsRefused() {
        long min = SampleFiles.minPaddedPngSize();
        for (long size : new long[] {0, min - 1, min + 1, min + 11}) {
            assertThatThrownBy(() -> SampleFiles.pngStream(size)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void noiseIsTheSameForTheSameSeedAndOfNoFormat() {
        byte[] noise = SampleFiles.noise(100_000, 7);
        assertThat(noise).hasSize(100_000).isEqualTo(SampleFiles.noise(100_000, 7));
        assertThat(noise).isNotEqualTo(SampleFiles.noise(100_000, 8));
        assertThat(FileFormat.detect(noise, noise.length)).isEmpty();
    }

    private static String sha256(InputStream content) throws IOException {
        try (DigestInputStream in = new DigestInputStream(content, newDigest())) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
