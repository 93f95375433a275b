package org.dreamdiary.application.port.in.attachment;

import java.io.InputStream;
import org.dreamdiary.domain.attachment.Attachment;
import org.dreamdiary.domain.attachment.AttachmentId;
import org.dreamdiary.domain.user.UserId;

/** The bytes of a file attachment, for its owner, or for any user when it is someone's avatar. */
public interface ReadAttachmentContent {
    /**
     * @throws org.dreamdiary.domain.error.NotFoundException when {@code reader} may not read it, or it is a link
     */
    Content open(UserId reader, AttachmentId id);

    /** A file's metadata, and its bytes on demand, by range, read lazily in bounded memory. */
    interface Content {
        Attachment attachment();

        /** {@code length} bytes from {@code offset}, a range within the file. */
        InputStream read(long offset, long length);
    }
}
