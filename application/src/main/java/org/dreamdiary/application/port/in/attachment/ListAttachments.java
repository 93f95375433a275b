package org.dreamdiary.application.port.in.attachment;

import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.domain.attachment.Attachment;
import org.dreamdiary.domain.attachment.AttachmentKind;
import org.dreamdiary.domain.user.UserId;

public interface ListAttachments {
    /** The owner's attachments, newest first; only those of {@code kind} when it is not null. */
    Page<Attachment> list(UserId owner, AttachmentKind kind, PageRequest page);
}
