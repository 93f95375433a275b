package org.dreamdiary.application.service.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.dreamdiary.domain.attachment.FileFormat;
import org.dreamdiary.domain.attachment.ImageSize;
import org.dreamdiary.domain.error.UnsupportedContentException;
import org.dreamdiary.testsupport.SampleFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InspectionTest {

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static Stream<Arguments> files() {
        return Stream.of(
                arguments(named("PNG", SampleFiles.png(640, 480)), FileFormat.PNG, new ImageSize(640, 480)),
                arguments(named("JPEG", SampleFiles.jpeg(33, 17)), FileFormat.JPEG, new ImageSize(33, 17)),
                arguments(named("GIF", SampleFiles.gif(5, 300)), FileFormat.GIF, new ImageSize(5, 300)),
                arguments(named("WebP", SampleFiles.webp(1000, 1)), FileFormat.WEBP, new ImageSize(1000, 1)),
                arguments(named("MP4", SampleFiles.mp4()), FileFormat.MP4, null),
                arguments(named("WebM", SampleFiles.webm()), FileFormat.WEBM, null),
                arguments(named("PDF", SampleFiles.pdf()), FileFormat.PDF, null));
    }

    @ParameterizedTest
    @MethodSource("files")
    void oneReadGivesTheFormatSizeDigestAndAnImagesWidthAndHeight(byte[] file, FileFormat format, ImageSize imageSize)
            throws Exception {
        Inspection inspection = Inspection.of(new ByteArrayInputStream(file));

        assertThat(inspection.format()).isEqualTo(format);
        assertThat(inspection.size()).isEqualTo(file.length);
        assertThat(inspection.sha256().hex()).isEqualTo(sha256(file));
        assertThat(inspection.imageSize()).isEqualTo(imageSize);
    }

    /**
     * The JPEG header reader skips the megabytes of EXIF; a ByteArrayInputStream could skip them unread, yet they
     * must be counted and digested all the same.
     */
    @Test
    void bytesTheImageHeaderSkipsAreCountedAndDigested() throws Exception {
        byte[] file = SampleFiles.jpegWithLargeExif(4000, 3000, 3_000_000);

        Inspection inspection = Inspection.of(new ByteArrayInputStream(file));

        assertThat(inspection.size()).isEqualTo(file.length);
        assertThat(inspection.sha256().hex()).isEqualTo(sha256(file));
        assertThat(inspection.imageSize()).isEqualTo(new ImageSize(4000, 3000));
    }

    @Test
    void aSourceThatGivesAFewBytesAtATimeIsReadWhole() throws Exception {
        byte[] file = SampleFiles.pngOfSize(1_000_000);
        InputStream trickle = new FilterInputStream(new ByteArrayInputStream(file)) {
            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                return super.read(buffer, offset, Math.min(length, 7));
            }
        };

        Inspection inspection = Inspection.of(trickle);

        assertThat(inspection.format()).isEqualTo(FileFormat.PNG);
        assertThat(inspection.size()).isEqualTo(1_000_000);
        assertThat(inspection.sha256().hex()).isEqualTo(sha256(file));
        assertThat(inspection.imageSize()).isEqualTo(new ImageSize(1, 1));
    }

    @Test
    void aLargeFileIsReadAsAStream() throws Exception {
        long size = 50L * 1024 * 1024;
        Inspection inspection = Inspection.of(SampleFiles.pngStream(size));
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream again = SampleFiles.pngStream(size)) {
            byte[] buffer = new byte[65536];
            for (int n; (n = again.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }

        assertThat(inspection.size()).isEqualTo(size);
        assertThat(inspection.sha256().hex()).isEqualTo(HexFormat.of().formatHex(digest.digest()));
    }

    static Stream<Arguments> unsupported() {
        byte[] png = SampleFiles.png(10, 10);
        byte[] noIhdr = png.clone();
        noIhdr[12] = 'X';
        byte[] jpeg = SampleFiles.jpegWithLargeExif(10, 10, 100_000);
        return Stream.of(
                arguments(named("empty", new byte[0])),
                arguments(named("text", "Dear diary, tonight I flew over the sea.".getBytes(StandardCharsets.UTF_8))),
                arguments(named("HTML", "<!DOCTYPE html><title>x</title>".getBytes(StandardCharsets.UTF_8))),
                arguments(named("noise", SampleFiles.noise(100_000, 3))),
                arguments(named("PNG without IHDR", noIhdr)),
                arguments(named("PNG cut in its header", Arrays.copyOf(png, 20))),
                arguments(named("JPEG cut in its EXIF", Arrays.copyOf(jpeg, 50_000))));
    }

    @ParameterizedTest
    @MethodSource("unsupported")
    void contentOfNoAcceptedFormatOrAnImageWithoutASizeIsUnsupported(byte[] content) {
        assertThatThrownBy(() -> Inspection.of(new ByteArrayInputStream(content)))
                .isInstanceOf(UnsupportedContentException.class);
    }

    /** A server reports a client gone mid-body as an EOFException; that is a failed read, not a damaged image. */
    @Test
    void aFailingSourceFailsTheInspectionRatherThanCallingTheFileDamaged() {
        byte[] jpeg = SampleFiles.jpegWithLargeExif(10, 10, 1_000_000);
        InputStream breaking = new FilterInputStream(new ByteArrayInputStream(jpeg)) {
            private long given;

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (given > 200_000) {
                    throw new EOFException("client gone");
                }
                int n = super.read(buffer, offset, length);
                given += Math.max(n, 0);
                return n;
            }
        };

        assertThatThrownBy(() -> Inspection.of(breaking)).isInstanceOf(EOFException.class).hasMessage("client gone");
    }
}
