package org.dreamdiary.domain.attachment;

import java.time.Instant;
import java.util.Objects;
import org.dreamdiary.domain.user.UserId;

/**
 * A photo, video or other file its owner uploaded, or a link. It never changes once made: it is only attached,
 * detached and deleted. A file has {@code file} and no {@code link}; a link the other way round.
 */
public record Attachment(AttachmentId id, UserId owner, AttachmentKind kind, StoredFile file, LinkUrl link,
                         Instant createdAt) {
    public Attachment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(createdAt, "createdAt");
        if (kind == AttachmentKind.LINK ? link == null || file != null : file == null || link != null) {
            throw new IllegalArgumentException("a link has a URL and no file; any other attachment a file and no URL");
        }
        if (file != null && file.format().kind() != kind) {
            throw new IllegalArgumentException("a " + file.format() + " file is not of kind " + kind);
        }
    }

    public static Attachment ofFile(AttachmentId id, UserId owner, StoredFile file, Instant now) {
        return new Attachment(id, owner, file.format().kind(), file, null, now);
    }

    public static Attachment ofLink(AttachmentId id, UserId owner, LinkUrl link, Instant now) {
        return new Attachment(id, owner, AttachmentKind.LINK, null, link, now);
    }

    /** It never changes, so it stays at version 1, where every resource starts; its ETag carries it as theirs do. */
    public long version() {
        return 1;
    }

    public boolean hasContent() {
        return file != null;
    }
}
