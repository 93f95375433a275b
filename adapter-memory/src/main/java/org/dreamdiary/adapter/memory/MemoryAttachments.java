package org.dreamdiary.adapter.memory;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.port.out.attachment.Attachments;
import org.dreamdiary.domain.attachment.Attachment;
import org.dreamdiary.domain.attachment.AttachmentId;
import org.dreamdiary.domain.attachment.AttachmentKind;
import org.dreamdiary.domain.user.UserId;

/**
 * Attachments' metadata in memory, every read scoped to its owner but for avatars. Deleting one tells
 * {@link #deleted()}, so that whatever holds it lets go in the same transaction, as the link tables' cascades and
 * the clearing of the avatar do in the real schema. {@link #owned} needs no lock of its own: the caller's
 * transaction holds the store's one lock, so nothing is deleted before it ends.
 */
final class MemoryAttachments implements Attachments {
    /** By creation time, then by id in PostgreSQL's order, the greatest first. */
    private static final Comparator<Attachment> NEWEST_FIRST = Comparator.comparing(Attachment::createdAt)
            .thenComparing(attachment -> attachment.id().value(), Uuids.ORDER)
            .reversed();

    private final MemoryTransactions transactions;
    private final MemoryUsers users;
    private final Table<AttachmentId, Attachment> attachments;
    private final Cascade<AttachmentId> deleted = new Cascade<>();

    /** {@code users} tells which attachments some profile shows as its avatar. */
    MemoryAttachments(MemoryTransactions transactions, MemoryUsers users) {
        this.transactions = transactions;
        this.users = users;
        this.attachments = new Table<>(transactions);
    }

    /** Where the deletion of an attachment goes on to everything that holds it. */
    Cascade<AttachmentId> deleted() {
        return deleted;
    }

    @Override
    public void add(Attachment attachment) {
        transactions.atomically(() -> {
            if (attachments.contains(attachment.id())) {
                throw new IllegalStateException("attachment " + attachment.id() + " exists already");
            }
            attachments.put(attachment.id(), attachment);
        });
    }

    @Override
    public Optional<Attachment> byId(UserId owner, AttachmentId id) {
        return transactions.atomically(() -> attachments.get(id).filter(attachment -> attachment.owner().equals(owner)));
    }

    @Override
    public Optional<Attachment> readable(UserId reader, AttachmentId id) {
        return transactions.atomically(() -> attachments.get(id)
                .filter(attachment -> attachment.owner().equals(reader) || users.showsAsAvatar(id)));
    }

    @Override
    public Page<Attachment> list(UserId owner, AttachmentKind kind, PageRequest page) {
        return transactions.atomically(() -> {
            return Pages.of(attachments.rows().stream()
                    .filter(attachment -> attachment.owner().equals(owner))
                    .filter(attachment -> kind == null || attachment.kind() == kind)
                    .sorted(NEWEST_FIRST), page);
        });
    }

    @Override
    public List<Attachment> owned(UserId owner, Collection<AttachmentId> ids) {
        return transactions.atomically(() -> ids.stream().distinct()
                .flatMap(id -> attachments.get(id).filter(attachment -> attachment.owner().equals(owner)).stream())
                .toList());
    }

    /** Unscoped on purpose: it only tells which ids are in use, for finding content whose metadata is gone. */
    @Override
    public Set<AttachmentId> existing(Collection<AttachmentId> ids) {
        return transactions.atomically(() -> ids.stream().filter(attachments::contains).collect(Collectors.toSet()));
    }

    @Override
    public List<AttachmentId> withContent(UserId owner) {
        return transactions.atomically(() -> attachments.rows().stream()
                .filter(attachment -> attachment.owner().equals(owner) && attachment.hasContent())
                .map(Attachment::id)
                .toList());
    }

    @Override
    public boolean delete(UserId owner, AttachmentId id) {
        return transactions.atomically(() -> {
            if (byId(owner, id).isEmpty()) {
                return false;
            }
            attachments.remove(id);
            deleted.deleted(id);
            return true;
        });
    }

    /**
     * The attachments of a deleted account go with it. Nothing else holds them but the account's own dreams, tasks,
     * entries and profile, which go with it too, so no holder is told.
     */
    void deleteAllOf(UserId owner) {
        transactions.atomically(() -> attachments.rows().stream()
                .filter(attachment -> attachment.owner().equals(owner))
                .map(Attachment::id)
                .toList()
                .forEach(attachments::remove));
    }
}
