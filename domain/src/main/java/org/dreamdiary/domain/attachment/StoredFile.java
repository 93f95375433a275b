package org.dreamdiary.domain.attachment;

import java.util.Objects;
import org.dreamdiary.domain.error.InvalidValueException;

/**
 * What is known of an uploaded file's bytes: their format (decided from the bytes themselves), size and digest,
 * an image's size, and the name the client gave it ({@code name} and {@code imageSize} may be null).
 */
public record StoredFile(FileFormat format, long sizeBytes, Sha256 sha256, ImageSize imageSize, FileName name) {
    public StoredFile {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(sha256, "sha256");
        if (sizeBytes < 1) {
            throw new InvalidValueException("a file has at least one byte");
        }
        if (imageSize != null && format.kind() != AttachmentKind.IMAGE) {
            throw new InvalidValueException("only an image has a width and height");
        }
    }
}
