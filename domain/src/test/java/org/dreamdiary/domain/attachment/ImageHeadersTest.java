package org.dreamdiary.domain.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dreamdiary.domain.attachment.Bytes.ascii;
import static org.dreamdiary.domain.attachment.Bytes.bigEndian16;
import static org.dreamdiary.domain.attachment.Bytes.bigEndian32;
import static org.dreamdiary.domain.attachment.Bytes.concat;
import static org.dreamdiary.domain.attachment.Bytes.cut;
import static org.dreamdiary.domain.attachment.Bytes.littleEndian;
import static org.dreamdiary.domain.attachment.Bytes.of;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Enumeration;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageHeadersTest {

    private static Optional<ImageSize> read(FileFormat format, byte[] bytes) throws IOException {
        return ImageHeaders.read(format, new ByteArrayInputStream(bytes));
    }

    @ParameterizedTest
    @EnumSource(value = FileFormat.class, names = {"MP4", "WEBM", "PDF"})
    void aFormatThatIsNoImageIsRefusedAsAQuestion(FileFormat format) {
        assertThatThrownBy(() -> read(format, new byte[100])).isInstanceOf(IllegalArgumentException.class);
    }

    @Nested
    class Png {
        private static byte[] png(long width, long height, String firstChunk) {
            return concat(of(0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'), bigEndian32(13), ascii(firstChunk),
                    bigEndian32(width), bigEndian32(height), of(8, 2, 0, 0, 0), bigEndian32(0));
        }

        @Test
        void theSizeIsReadFromIhdr() throws IOException {
            assertThat(read(FileFormat.PNG, png(640, 480, "IHDR"))).contains(new ImageSize(640, 480));
        }

        @Test
        void aFirstChunkOtherThanIhdrIsDamage() throws IOException {
            assertThat(read(FileFormat.PNG, png(640, 480, "IDAT"))).isEmpty();
        }

        @Test
        void aZeroOrTooLargeDimensionIsDamage() throws IOException {
            assertThat(read(FileFormat.PNG, png(0, 480, "IHDR"))).isEmpty();
            assertThat(read(FileFormat.PNG, png(640, 0x8000_0000L, "IHDR"))).isEmpty();
        }

        @Test
        void aHeaderCutBeforeTheHeightEndsIsDamage() throws IOException {
            assertThat(read(FileFormat.PNG, cut(png(640, 480, "IHDR"), 23))).isEmpty();
        }
    }

    @Nested
    class Gif {
        private static byte[] gif(int width, int height) {
            return concat(ascii("GIF89a"), littleEndian(width, 2), littleEndian(height, 2), of(0, 0, 0));
        }

        @Test
        void theSizeIsTheLogicalScreens() throws IOException {
            assertThat(read(FileFormat.GIF, gif(300, 65535))).contains(new ImageSize(300, 65535));
        }

        @Test
        void aZeroDimensionIsDamage() throws IOException {
            assertThat(read(FileFormat.GIF, gif(0, 20))).isEmpty();
        }

        @Test
        void aHeaderCutBeforeTheHeightEndsIsDamage() throws IOException {
            assertThat(read(FileFormat.GIF, cut(gif(300, 200), 9))).isEmpty();
        }
    }

    @Nested
    class Jpeg {
        private static final byte[] SOI = of(0xFF, 0xD8);
        private static final byte[] EOI = of(0xFF, 0xD9);
        private static final byte[] APP0 = segment(0xE0, concat(ascii("JFIF\0"), of(1, 1, 0, 0, 1, 0, 1, 0, 0)));
        private static final byte[] DQT = segment(0xDB, concat(of(0), new byte[64]));
        /** After the size in a one-component frame header: the component's id, sampling factors and table. */
        private static final byte[] COMPONENT = of(1, 0x11, 0);

        static byte[] segment(int marker, byte[] body) {
            return concat(of(0xFF, marker), bigEndian16(body.length + 2), body);
        }

        /** A start-of-frame segment: precision, height, width, one component. */
        static byte[] frame(int marker, int width, int height) {
            return segment(marker, concat(of(8), bigEndian16(height), bigEndian16(width), of(1), COMPONENT));
        }

        private static byte[] jpeg(byte[]... segments) {
            return concat(SOI, concat(segments), EOI);
        }

        @Test
        void aBaselineFrameAfterJfifAndTablesGivesTheSize() throws IOException {
            assertThat(read(FileFormat.JPEG, jpeg(APP0, DQT, frame(0xC0, 1024, 768))))
                    .contains(new ImageSize(1024, 768));
        }

        @Test
        void aProgressiveFrameGivesTheSize() throws IOException {
            assertThat(read(FileFormat.JPEG, jpeg(APP0, DQT, frame(0xC2, 4032, 3024))))
                    .contains(new ImageSize(4032, 3024));
        }

        @ParameterizedTest
        @ValueSource(ints = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF})
        void everyStartOfFrameMarkerGivesTheSize(int marker) throws IOException {
            assertThat(read(FileFormat.JPEG, jpeg(frame(marker, 17, 9)))).contains(new ImageSize(17, 9));
        }

        /** DHT, JPG and DAC sit among the SOF codes; read as frames, these would give 17 × 9. */
        @ParameterizedTest
        @ValueSource(ints = {0xC4, 0xC8, 0xCC})
        void theNonFrameMarkersAmongTheFrameCodesAreSkipped(int marker) throws IOException {
            byte[] lookalike = frame(marker, 17, 9);
            assertThat(read(FileFormat.JPEG, jpeg(lookalike, frame(0xC0, 640, 480))))
                    .contains(new ImageSize(640, 480));
        }

        @Test
        void megabytesOfMetadataBeforeTheFrameAreSkippedAndNothingAfterTheSizeIsRead() throws IOException {
            int segments = 128;
            byte[] app1 = segment(0xE1, concat(ascii("Exif\0\0"), new byte[65527]));
            Enumeration<InputStream> parts = new Enumeration<>() {
                private int next;

                @Override
                public boolean hasMoreElements() {
                    return next < segments + 2;
                }

                @Override
                public InputStream nextElement() {
                    int index = next++;
                    if (index == 0) {
                        return new ByteArrayInputStream(concat(SOI, APP0));
                    }
                    return new ByteArrayInputStream(index <= segments ? app1 : concat(frame(0xC0, 6000, 4000), EOI));
                }
            };
            InputStream in = new SequenceInputStream(parts);

            assertThat(ImageHeaders.read(FileFormat.JPEG, in)).contains(new ImageSize(6000, 4000));
            assertThat(in.readAllBytes()).isEqualTo(concat(COMPONENT, EOI));
        }

        /** Some streams skip nothing (InputStream.skip may return 0 before the end): the segment is read through. */
        @Test
        void metadataIsReadThroughWhenTheStreamSkipsNothing() throws IOException {
            byte[] app1 = segment(0xE1, concat(ascii("Exif\0\0"), new byte[4096]));
            InputStream in = new FilterInputStream(new ByteArrayInputStream(jpeg(APP0, app1, frame(0xC0, 800, 600)))) {
                @Override
                public long skip(long n) {
                    return 0;
                }
            };

            assertThat(ImageHeaders.read(FileFormat.JPEG, in)).contains(new ImageSize(800, 600));
            assertThat(in.readAllBytes()).isEqualTo(concat(COMPONENT, EOI));
        }

        @Test
        void aSegmentCutShortInAStreamThatSkipsNothingGivesNoSize() throws IOException {
            byte[] cut = concat(SOI, APP0, of(0xFF, 0xE1), bigEndian16(1000), new byte[10]);
            InputStream in = new FilterInputStream(new ByteArrayInputStream(cut)) {
                @Override
                public long skip(long n) {
                    return 0;
                }
            };

            assertThat(ImageHeaders.read(FileFormat.JPEG, in)).isEmpty();
        }

        @Test
        void fillBytesBeforeAMarkerCodeAreSkipped() throws IOException {
            byte[] padded = concat(SOI, APP0, of(0xFF, 0xFF, 0xFF), frame(0xC0, 320, 240), EOI);
            assertThat(read(FileFormat.JPEG, padded)).contains(new ImageSize(320, 240));
        }

        @Test
        void standaloneMarkersHaveNoLengthToSkip() throws IOException {
            byte[] withStandalones = jpeg(APP0, of(0xFF, 0x01), of(0xFF, 0xD0), of(0xFF, 0xD7), frame(0xC0, 320, 240));
            assertThat(read(FileFormat.JPEG, withStandalones)).contains(new ImageSize(320, 240));
        }

        static byte[][] damaged() {
            byte[] good = jpeg(APP0, DQT, frame(0xC0, 1024, 768));
            return new byte[][] {
                    {},
                    SOI,
                    of(0xFF, 0xD8, 0xFF),
                    of(0xFF, 0xD8, 0xFF, 0xFF, 0xFF),
                    cut(good, good.length - COMPONENT.length - EOI.length - 1),
                    cut(good, SOI.length + APP0.length + 10),
                    cut(good, SOI.length + 3),
                    concat(SOI, of(0x00), APP0, frame(0xC0, 320, 240)),
                    concat(SOI, APP0, of(0x12, 0x34), frame(0xC0, 320, 240)),
                    concat(SOI, of(0xFF, 0x00), frame(0xC0, 320, 240)),
                    concat(SOI, of(0xFF, 0xE0, 0x00, 0x01), frame(0xC0, 320, 240)),
                    jpeg(APP0),
                    concat(SOI, APP0, segment(0xDA, of(1, 1, 0, 0, 63, 0)), frame(0xC0, 320, 240)),
                    concat(SOI, SOI, frame(0xC0, 320, 240)),
                    jpeg(segment(0xC0, of(8, 0, 1, 0))),
                    jpeg(frame(0xC0, 320, 0)),
                    jpeg(frame(0xC0, 0, 240)),
                    concat(of(0xFF, 0xD9), frame(0xC0, 320, 240))
            };
        }

        @ParameterizedTest
        @MethodSource("damaged")
        void aDamagedOrTruncatedHeaderGivesNoSize(byte[] damaged) throws IOException {
            assertThat(read(FileFormat.JPEG, damaged)).isEmpty();
        }
    }

    @Nested
    class WebP {
        private static byte[] webp(String chunk, byte[] data) {
            byte[] body = concat(ascii(chunk), littleEndian(data.length, 4), data);
            return concat(ascii("RIFF"), littleEndian(4 + body.length, 4), ascii("WEBP"), body);
        }

        /** A lossy key frame: tag, start code, then width and height words whose top two bits are a scale. */
        private static byte[] vp8(int widthWord, int heightWord, int frameTag) {
            return webp("VP8 ", concat(of(frameTag, 0, 0), of(0x9D, 0x01, 0x2A),
                    littleEndian(widthWord, 2), littleEndian(heightWord, 2), new byte[20]));
        }

        private static byte[] vp8l(int signature, int width, int height) {
            long bits = (width - 1) | (long) (height - 1) << 14;
            return webp("VP8L", concat(of(signature), littleEndian(bits, 4), new byte[8]));
        }

        private static byte[] vp8x(int width, int height) {
            return webp("VP8X", concat(of(0x10, 0, 0, 0), littleEndian(width - 1, 3), littleEndian(height - 1, 3)));
        }

        @Test
        void aLossyKeyFrameGivesItsFourteenBitSizeWithoutTheScaleBits() throws IOException {
            assertThat(read(FileFormat.WEBP, vp8(0xC000 | 800, 0x4000 | 16383, 0x10)))
                    .contains(new ImageSize(800, 16383));
        }

        @Test
        void aLossyFrameThatIsNoKeyFrameOrLacksTheStartCodeIsDamage() throws IOException {
            assertThat(read(FileFormat.WEBP, vp8(800, 600, 0x11))).isEmpty();
            byte[] noStartCode = vp8(800, 600, 0x10);
            noStartCode[20 + 3] = 0;
            assertThat(read(FileFormat.WEBP, noStartCode)).isEmpty();
        }

        @Test
        void aLosslessImageGivesItsPackedSize() throws IOException {
            assertThat(read(FileFormat.WEBP, vp8l(0x2F, 1, 1))).contains(new ImageSize(1, 1));
            assertThat(read(FileFormat.WEBP, vp8l(0x2F, 16384, 300))).contains(new ImageSize(16384, 300));
            assertThat(read(FileFormat.WEBP, vp8l(0x2F, 12345, 16384))).contains(new ImageSize(12345, 16384));
        }

        @Test
        void aLosslessImageWithoutItsSignatureIsDamage() throws IOException {
            assertThat(read(FileFormat.WEBP, vp8l(0x2E, 10, 10))).isEmpty();
        }

        @Test
        void anExtendedImageGivesItsTwentyFourBitCanvas() throws IOException {
            assertThat(read(FileFormat.WEBP, vp8x(1, 1))).contains(new ImageSize(1, 1));
            assertThat(read(FileFormat.WEBP, vp8x(1 << 24, 70000))).contains(new ImageSize(1 << 24, 70000));
        }

        @Test
        void anotherFirstChunkIsDamage() throws IOException {
            assertThat(read(FileFormat.WEBP, webp("ALPH", new byte[16]))).isEmpty();
        }

        static IntStream cuts() {
            return IntStream.of(0, 12, 19, 20, 29);
        }

        @ParameterizedTest
        @MethodSource("cuts")
        void aHeaderCutBeforeTheSizeEndsGivesNoSize(int length) throws IOException {
            assertThat(read(FileFormat.WEBP, cut(vp8(800, 600, 0x10), length))).isEmpty();
            assertThat(read(FileFormat.WEBP, cut(vp8x(800, 600), length))).isEmpty();
            assertThat(read(FileFormat.WEBP, cut(vp8l(0x2F, 800, 600), Math.min(length, 24)))).isEmpty();
        }
    }
}
