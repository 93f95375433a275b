package org.dreamdiary.application.service.attachment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.port.out.attachment.Attachments;
import org.dreamdiary.application.service.RecordingTransactions;
import org.dreamdiary.application.service.RecordingTransactions.Store;
import org.dreamdiary.domain.attachment.Attachment;
import org.dreamdiary.domain.attachment.AttachmentId;
import org.dreamdiary.domain.attachment.AttachmentKind;
import org.dreamdiary.domain.user.UserId;

/**
 * Attachments' metadata in memory, as the port promises it: every read scoped to the owner, except an avatar's,
 * newest first, and a delete that detaches the attachment from whatever holds it (the stores told with
 * {@link #detachOnDelete}), all undone with the transaction.
 */
public final class InMemoryAttachments implements Attachments, Store {
    private final RecordingTransactions transactions;
    private final List<Consumer<AttachmentId>> holders = new ArrayList<>();
    private Predicate<AttachmentId> isAvatar = id -> false;
    private Map<AttachmentId, Attachment> byId = new LinkedHashMap<>();

    public InMemoryAttachments(RecordingTransactions transactions) {
        this.transactions = transactions;
    }

    /** A store that holds attachments and drops one when it is deleted, as the link tables' cascade does. */
    public void detachOnDelete(Consumer<AttachmentId> holder) {
        holders.add(holder);
    }

    /** Tells which attachments some profile shows as its avatar (the users' store knows). */
    public void avatarsFrom(Predicate<AttachmentId> isAvatar) {
        this.isAvatar = isAvatar;
    }

    @Override
    public Runnable checkpoint() {
        Map<AttachmentId, Attachment> saved = new LinkedHashMap<>(byId);
        return () -> byId = saved;
    }

    @Override
    public void add(Attachment attachment) {
        transactions.writing("attachments.add");
        if (byId.putIfAbsent(attachment.id(), attachment) != null) {
            throw new IllegalStateException("attachment " + attachment.id() + " exists already");
        }
    }

    @Override
    public Optional<Attachment> byId(UserId owner, AttachmentId id) {
        return Optional.ofNullable(byId.get(id)).filter(attachment -> attachment.owner().equals(owner));
    }

    @Override
    public Optional<Attachment> readable(UserId reader, AttachmentId id) {
        return Optional.ofNullable(byId.get(id))
                .filter(attachment -> attachment.owner().equals(reader) || isAvatar.test(id));
    }

    @Override
    public Page<Attachment> list(UserId owner, AttachmentKind kind, PageRequest page) {
        List<Attachment> matching = byId.values().stream()
                .filter(attachment -> attachment.owner().equals(owner))
                .filter(attachment -> kind == null || attachment.kind() == kind)
                .sorted(Comparator.comparing(Attachment::createdAt).thenComparing(a -> a.id().value()).reversed())
                .toList();
        return new Page<>(matching.stream().skip(page.offset()).limit(page.perPage()).toList(), matching.size(), page);
    }

    @Override
    public List<Attachment> owned(UserId owner, Collection<AttachmentId> ids) {
        return ids.stream().distinct().flatMap(id -> byId(owner, id).stream()).toList();
    }

    @Override
    public Set<AttachmentId> existing(Collection<AttachmentId> ids) {
        return ids.stream().filter(byId::containsKey).collect(Collectors.toSet());
    }

    @Override
    public List<AttachmentId> withContent(UserId owner) {
        return byId.values().stream()
                .filter(attachment -> attachment.owner().equals(owner) && attachment.hasContent())
                .map(Attachment::id)
                .toList();
    }

    @Override
    public boolean delete(UserId owner, AttachmentId id) {
        transactions.writing("attachments.delete");
        if (byId(owner, id).isEmpty()) {
            return false;
        }
        byId.remove(id);
        holders.forEach(holder -> holder.accept(id));
        return true;
    }

    public int count() {
        return byId.size();
    }
}
