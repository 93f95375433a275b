package org.dreamdiary.domain.planning;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.dreamdiary.domain.attachment.Attachment;
import org.dreamdiary.domain.attachment.HeldAttachments;
import org.dreamdiary.domain.user.UserId;

/**
 * Something the user wishes for, with the owner's attachments in the owner's order. Its status follows from its
 * goals (see {@link DreamStatus}).
 */
public record Dream(DreamId id, UserId owner, Name name, Description description, List<Attachment> attachments,
                    Instant createdAt, Instant updatedAt, long version) {
    public Dream {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(name, "name");
        attachments = HeldAttachments.of(owner, attachments);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public static Dream create(DreamId id, UserId owner, Name name, Description description, List<Attachment> attachments,
                               Instant now) {
        return new Dream(id, owner, name, description, attachments, now, now, 1);
    }

    public Dream edit(Name newName, Description newDescription, List<Attachment> newAttachments, Instant now) {
        return new Dream(id, owner, newName, newDescription, newAttachments, createdAt, now, version + 1);
    }
}
