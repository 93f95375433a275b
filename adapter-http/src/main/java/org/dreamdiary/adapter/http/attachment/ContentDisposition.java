package org.dreamdiary.adapter.http.attachment;

import java.nio.charset.StandardCharsets;
import org.dreamdiary.domain.attachment.Attachment;
import org.dreamdiary.domain.attachment.AttachmentKind;
import org.dreamdiary.domain.attachment.StoredFile;

/**
 * The {@code Content-Disposition} of a file's content (RFC 6266). Pictures and videos are {@code inline}, so that an
 * {@code <img>} or {@code <video>} shows them; other files (PDF) are an {@code attachment}, saved rather than opened
 * on this origin. The name is the one the client gave, else {@code <id>.<extension>}; it always has a plain ASCII
 * {@code filename}, and a name that plain ASCII cannot say goes in {@code filename*} as well (RFC 8187).
 */
final class ContentDisposition {
    /** The characters RFC 8187 lets through unencoded ({@code attr-char}). */
    private static final String ATTR_CHARS = "!#$&+-.^_`|~";

    private ContentDisposition() {
    }

    static String of(Attachment attachment) {
        StoredFile file = attachment.file();
        String name = file.name() != null ? file.name().value() : attachment.id() + "." + file.format().extension();
        String type = attachment.kind() == AttachmentKind.FILE ? "attachment" : "inline";
        String fallback = asciiFallback(name);
        String value = type + "; filename=\"" + fallback + "\"";
        return fallback.equals(name) ? value : value + "; filename*=UTF-8''" + encoded(name);
    }

    /**
     * Printable ASCII, without quote and backslash (escapes that clients handle badly) or percent (which some clients
     * decode, RFC 6266 appendix D); every other character becomes {@code _}.
     */
    private static String asciiFallback(String name) {
        StringBuilder ascii = new StringBuilder();
        name.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7F && "\"\\%".indexOf(c) < 0 ? (char) c : '_'));
        return ascii.toString();
    }

    private static String encoded(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || ATTR_CHARS.indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }
}
