package org.dreamdiary.application.port.in.attachment;

import org.dreamdiary.application.change.ExpectedVersion;
import org.dreamdiary.domain.attachment.AttachmentId;
import org.dreamdiary.domain.user.UserId;

/** Deletes an attachment: detached everywhere and its bytes freed, in one transaction. */
public interface DeleteAttachment {
    /**
     * An attachment never changes, so {@code expected} is met by its one version, {@link
     * org.dreamdiary.domain.attachment.Attachment#version()}, while it is there.
     *
     * @throws org.dreamdiary.domain.error.StaleVersionException when the attachment is not at {@code expected}
     */
    void delete(UserId owner, AttachmentId id, ExpectedVersion expected);
}
