package org.dreamdiary.domain.attachment;

import java.util.Objects;
import java.util.UUID;

public record AttachmentId(UUID value) {
    public AttachmentId {
        Objects.requireNonNull(value, "id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
