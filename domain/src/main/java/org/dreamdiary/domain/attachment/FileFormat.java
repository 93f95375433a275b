package org.dreamdiary.domain.attachment;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The file formats the service takes, each known by its magic numbers: a file is what its first bytes say it is,
 * whatever its name or the client's {@code Content-Type} claim.
 */
public enum FileFormat {
    JPEG("image/jpeg", AttachmentKind.IMAGE, "jpg"),
    PNG("image/png", AttachmentKind.IMAGE, "png"),
    GIF("image/gif", AttachmentKind.IMAGE, "gif"),
    WEBP("image/webp", AttachmentKind.IMAGE, "webp"),
    MP4("video/mp4", AttachmentKind.VIDEO, "mp4"),
    WEBM("video/webm", AttachmentKind.VIDEO, "webm"),
    PDF("application/pdf", AttachmentKind.FILE, "pdf");

    /** How many leading bytes {@link #detect} needs at most. */
    public static final int SNIFF_LENGTH = 64;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] EBML_MAGIC = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3};
    /** The EBML DocType element (0x4282), a one-byte size of 4, then the type itself. */
    private static final byte[] WEBM_DOCTYPE = {0x42, (byte) 0x82, (byte) 0x84, 'w', 'e', 'b', 'm'};
    /** ISO base media brands of MP4 video; HEIF pictures and QuickTime films share the box layout but not these. */
    private static final Set<String> MP4_BRANDS = Set.of("isom", "iso2", "iso3", "iso4", "iso5", "iso6", "mp41", "mp42",
            "avc1", "M4V ", "dash", "mmp4", "MSNV");

    private final String mediaType;
    private final AttachmentKind kind;
    private final String extension;

    FileFormat(String mediaType, AttachmentKind kind, String extension) {
        this.mediaType = mediaType;
        this.kind = kind;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public AttachmentKind kind() {
        return kind;
    }

    /** The usual file name extension, without the dot. */
    public String extension() {
        return extension;
    }

    /** The format of a file that starts with the first {@code length} bytes of {@code head}; empty for any other. */
    public static Optional<FileFormat> detect(byte[] head, int length) {
        byte[] start = Arrays.copyOf(head, Math.min(length, head.length));
        if (startsWith(start, 0, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return Optional.of(JPEG);
        }
        if (startsWith(start, 0, PNG_SIGNATURE)) {
            return Optional.of(PNG);
        }
        if (startsWith(start, 0, ascii("GIF87a")) || startsWith(start, 0, ascii("GIF89a"))) {
            return Optional.of(GIF);
        }
        if (startsWith(start, 0, ascii("RIFF")) && startsWith(start, 8, ascii("WEBP"))) {
            return Optional.of(WEBP);
        }
        if (startsWith(start, 4, ascii("ftyp")) && start.length >= 12
                && MP4_BRANDS.contains(new String(start, 8, 4, StandardCharsets.ISO_8859_1))) {
            return Optional.of(MP4);
        }
        if (startsWith(start, 0, EBML_MAGIC) && indexOf(start, WEBM_DOCTYPE) >= 0) {
            return Optional.of(WEBM);
        }
        if (startsWith(start, 0, ascii("%PDF-"))) {
            return Optional.of(PDF);
        }
        return Optional.empty();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
        return bytes.length >= offset + prefix.length
                && Arrays.equals(bytes, offset, offset + prefix.length, prefix, 0, prefix.length);
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        for (int i = 0; i + part.length <= bytes.length; i++) {
            if (startsWith(bytes, i, part)) {
                return i;
            }
        }
        return -1;
    }
}
