package org.dreamdiary.domain.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dreamdiary.domain.attachment.Bytes.ascii;
import static org.dreamdiary.domain.attachment.Bytes.concat;
import static org.dreamdiary.domain.attachment.Bytes.cut;
import static org.dreamdiary.domain.attachment.Bytes.of;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FileFormatTest {
    private static final byte[] JPEG = of(0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0);
    private static final byte[] PNG = of(0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R');
    private static final byte[] WEBP = concat(ascii("RIFF"), of(0x24, 0, 0, 0), ascii("WEBPVP8L"));

    /** An ISO base media file's first box: its size, "ftyp", then the major brand. */
    private static byte[] ftyp(String brand) {
        return concat(of(0, 0, 0, 0x18), ascii("ftyp"), ascii(brand), of(0, 0, 2, 0), ascii("isommp41"));
    }

    /** An EBML header: its ID, a size, EBMLVersion 1, then the DocType element. */
    private static byte[] ebml(String docType) {
        return concat(of(0x1A, 0x45, 0xDF, 0xA3, 0x80 | 7 + docType.length(), 0x42, 0x86, 0x81, 0x01, 0x42, 0x82,
                0x80 | docType.length()), ascii(docType));
    }

    static Stream<Arguments> formats() {
        return Stream.of(
                arguments(named("JPEG", JPEG), FileFormat.JPEG),
                arguments(named("PNG", PNG), FileFormat.PNG),
                arguments(named("GIF87a", ascii("GIF87a\u0001\u0000\u0001\u0000")), FileFormat.GIF),
                arguments(named("GIF89a", ascii("GIF89a\u0001\u0000\u0001\u0000")), FileFormat.GIF),
                arguments(named("WebP", WEBP), FileFormat.WEBP),
                arguments(named("MP4 isom", ftyp("isom")), FileFormat.MP4),
                arguments(named("MP4 mp42", ftyp("mp42")), FileFormat.MP4),
                arguments(named("WebM", ebml("webm")), FileFormat.WEBM),
                arguments(named("PDF", ascii("%PDF-1.7\n%\u00e2\u00e3")), FileFormat.PDF));
    }

    @ParameterizedTest
    @MethodSource("formats")
    void aFormatIsKnownByItsFirstBytes(byte[] head, FileFormat format) {
        assertThat(FileFormat.detect(head, head.length)).contains(format);
    }

    @ParameterizedTest
    @MethodSource("formats")
    void bytesAfterTheGivenLengthAreNotLookedAt(byte[] head, FileFormat format) {
        assertThat(FileFormat.detect(concat(cut(head, 2), head), 2)).isEmpty();
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                arguments(named("empty", new byte[0])),
                arguments(named("plain text", ascii("Dear diary, today I flew.\n"))),
                arguments(named("HTML", ascii("<!DOCTYPE html><html><body>hi</body></html>"))),
                arguments(named("HEIC", ftyp("heic"))),
                arguments(named("QuickTime", ftyp("qt  "))),
                arguments(named("Matroska", ebml("matroska"))),
                arguments(named("RIFF WAVE", concat(ascii("RIFF"), of(0x24, 0, 0, 0), ascii("WAVEfmt ")))),
                arguments(named("truncated PNG signature", cut(PNG, 7))),
                arguments(named("truncated JPEG", cut(JPEG, 2))),
                arguments(named("truncated WebP", cut(WEBP, 11))),
                arguments(named("truncated MP4", cut(ftyp("isom"), 10))),
                arguments(named("truncated WebM", cut(ebml("webm"), 15))),
                arguments(named("GIF of another version", ascii("GIF88a\u0001\u0000"))),
                arguments(named("PDF without the dash", ascii("%PDF1.4"))));
    }

    @ParameterizedTest
    @MethodSource("refused")
    void anyOtherContentIsNoFormat(byte[] head) {
        assertThat(FileFormat.detect(head, head.length)).isEmpty();
    }

    @Test
    void eachFormatHasItsMediaTypeKindAndExtension() {
        assertThat(FileFormat.JPEG.mediaType()).isEqualTo("image/jpeg");
        assertThat(FileFormat.JPEG.extension()).isEqualTo("jpg");
        assertThat(FileFormat.WEBP.mediaType()).isEqualTo("image/webp");
        assertThat(FileFormat.WEBM.mediaType()).isEqualTo("video/webm");
        assertThat(FileFormat.PDF.mediaType()).isEqualTo("application/pdf");
        assertThat(Stream.of(FileFormat.JPEG, FileFormat.PNG, FileFormat.GIF, FileFormat.WEBP))
                .allMatch(format -> format.kind() == AttachmentKind.IMAGE);
        assertThat(Stream.of(FileFormat.MP4, FileFormat.WEBM)).allMatch(format -> format.kind() == AttachmentKind.VIDEO);
        assertThat(FileFormat.PDF.kind()).isEqualTo(AttachmentKind.FILE);
    }
}
