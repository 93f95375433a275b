package org.dreamdiary.application.service;

import java.util.List;
import java.util.UUID;
import org.dreamdiary.domain.error.ValidationException;

/**
 * Attachment ids given in a request must name the caller's attachments. Attachments arrive in a later release;
 * until then no id can name one, so any id is refused on its field.
 */
public final class AttachmentReferences {
    private AttachmentReferences() {
    }

    public static void requireUsable(List<UUID> ids) {
        if (ids != null && !ids.isEmpty()) {
            throw ValidationException.of("attachment_ids", "item 0 names no attachment of yours");
        }
    }
}
