package org.dreamdiary.application.port.out.attachment;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.domain.attachment.Attachment;
import org.dreamdiary.domain.attachment.AttachmentId;
import org.dreamdiary.domain.attachment.AttachmentKind;
import org.dreamdiary.domain.user.UserId;

/** Storage of attachments' metadata (their bytes are the {@link BlobStore}'s); every read is scoped to a user. */
public interface Attachments {
    void add(Attachment attachment);

    Optional<Attachment> byId(UserId owner, AttachmentId id);

    /** The attachment when {@code reader} owns it, or when it is some user's avatar, which every user may see. */
    Optional<Attachment> readable(UserId reader, AttachmentId id);

    /** The owner's attachments, newest first; of one kind when {@code kind} is given (null: every kind). */
    Page<Attachment> list(UserId owner, AttachmentKind kind, PageRequest page);

    /**
     * Those of {@code ids} that name attachments of {@code owner}, in no particular order. They cannot be deleted
     * before the caller's transaction ends, so a change that attaches them cannot lose them to a concurrent delete.
     */
    List<Attachment> owned(UserId owner, Collection<AttachmentId> ids);

    /** Those of {@code ids} that name any attachment at all. */
    Set<AttachmentId> existing(Collection<AttachmentId> ids);

    /** The ids of the owner's attachments that have content (files, not links). */
    List<AttachmentId> withContent(UserId owner);

    /**
     * Deletes the metadata and detaches it from every dream, task and diary entry that holds it and from the
     * profile that shows it as avatar; each of those gets a new version. False when the owner has no such
     * attachment.
     */
    boolean delete(UserId owner, AttachmentId id);
}
