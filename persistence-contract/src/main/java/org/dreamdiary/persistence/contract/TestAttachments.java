package org.dreamdiary.persistence.contract;

import java.time.Instant;
import java.util.UUID;
import org.dreamdiary.domain.attachment.Attachment;
import org.dreamdiary.domain.attachment.AttachmentId;
import org.dreamdiary.domain.attachment.FileFormat;
import org.dreamdiary.domain.attachment.FileName;
import org.dreamdiary.domain.attachment.ImageSize;
import org.dreamdiary.domain.attachment.LinkUrl;
import org.dreamdiary.domain.attachment.Sha256;
import org.dreamdiary.domain.attachment.StoredFile;
import org.dreamdiary.domain.user.UserId;

/**
 * Test data: attachments of each kind under a new id, not yet stored: {@code image(owner, CREATED)}. The image has
 * every fact a file can have, the video none of the optional ones.
 */
public final class TestAttachments {
    /** Microseconds, as PostgreSQL keeps them. */
    public static final Instant CREATED = Instant.parse("2026-11-01T08:00:00.123456Z");
    private static final Sha256 DIGEST = new Sha256("ab".repeat(32));

    private TestAttachments() {
    }

    public static Attachment image(UserId owner, Instant createdAt) {
        return Attachment.ofFile(newId(), owner,
                new StoredFile(FileFormat.PNG, 1234, DIGEST, new ImageSize(640, 480), new FileName("Сон.png")), createdAt);
    }

    public static Attachment video(UserId owner, Instant createdAt) {
        return Attachment.ofFile(newId(), owner, new StoredFile(FileFormat.MP4, 10_485_760, DIGEST, null, null), createdAt);
    }

    public static Attachment link(UserId owner, Instant createdAt) {
        return Attachment.ofLink(newId(), owner, new LinkUrl("https://example.org/dreams?id=1"), createdAt);
    }

    private static AttachmentId newId() {
        return new AttachmentId(UUID.randomUUID());
    }
}
