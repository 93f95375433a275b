package org.dreamdiary.application.port.in.attachment;

import org.dreamdiary.application.change.Precondition;
import org.dreamdiary.domain.attachment.Attachment;
import org.dreamdiary.domain.attachment.AttachmentId;
import org.dreamdiary.domain.user.UserId;

/** Deletes an attachment: detached everywhere and its bytes freed, in one transaction. */
public interface DeleteAttachment {
    void delete(UserId owner, AttachmentId id, Precondition<Attachment> precondition);
}
