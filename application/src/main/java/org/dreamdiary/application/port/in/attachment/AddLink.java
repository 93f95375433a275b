package org.dreamdiary.application.port.in.attachment;

import org.dreamdiary.domain.attachment.Attachment;
import org.dreamdiary.domain.attachment.LinkUrl;
import org.dreamdiary.domain.user.UserId;

/** Keeps a link as an attachment: metadata and no bytes. */
public interface AddLink {
    Attachment addLink(UserId owner, LinkUrl url);
}
