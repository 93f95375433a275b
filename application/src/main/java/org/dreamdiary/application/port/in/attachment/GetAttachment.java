package org.dreamdiary.application.port.in.attachment;

import org.dreamdiary.domain.attachment.Attachment;
import org.dreamdiary.domain.attachment.AttachmentId;
import org.dreamdiary.domain.user.UserId;

public interface GetAttachment {
    /** @throws org.dreamdiary.domain.error.NotFoundException when the owner has no such attachment */
    Attachment attachment(UserId owner, AttachmentId id);
}
