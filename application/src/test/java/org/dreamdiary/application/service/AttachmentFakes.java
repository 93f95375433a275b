package org.dreamdiary.application.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.port.out.Clock;
import org.dreamdiary.application.port.out.attachment.Attachments;
import org.dreamdiary.application.port.out.attachment.BlobStore;
import org.dreamdiary.application.service.RecordingTransactions.Store;
import org.dreamdiary.domain.attachment.Attachment;
import org.dreamdiary.domain.attachment.AttachmentId;
import org.dreamdiary.domain.attachment.AttachmentKind;
import org.dreamdiary.domain.user.UserId;

/**
 * The attachment ports as far as deleting an account and purging orphaned content use them, undone with the
 * transaction that wrote them; the attachment use cases have fuller fakes of their own.
 */
public final class AttachmentFakes {
    private static final String NOT_USED = "not used by account deletion or the purge";

    private AttachmentFakes() {
    }

    /** Metadata rows, asked for by owner or by id. */
    public static final class StoredAttachments implements Attachments, Store {
        private final RecordingTransactions transactions;
        private Map<AttachmentId, Attachment> rows = new LinkedHashMap<>();

        public StoredAttachments(RecordingTransactions transactions) {
            this.transactions = transactions;
        }

        @Override
        public Runnable checkpoint() {
            Map<AttachmentId, Attachment> saved = new LinkedHashMap<>(rows);
            return () -> rows = saved;
        }

        @Override
        public void add(Attachment attachment) {
            transactions.writing("attachments.add");
            rows.put(attachment.id(), attachment);
        }

        @Override
        public Set<AttachmentId> existing(Collection<AttachmentId> ids) {
            return ids.stream().filter(rows::containsKey).collect(Collectors.toSet());
        }

        @Override
        public List<AttachmentId> withContent(UserId owner) {
            return rows.values().stream().filter(a -> a.owner().equals(owner) && a.hasContent())
                    .map(Attachment::id).toList();
        }

        @Override
        public Optional<Attachment> byId(UserId owner, AttachmentId id) {
            throw new UnsupportedOperationException(NOT_USED);
        }

        @Override
        public Optional<Attachment> readable(UserId reader, AttachmentId id) {
            throw new UnsupportedOperationException(NOT_USED);
        }

        @Override
        public Page<Attachment> list(UserId owner, AttachmentKind kind, PageRequest page) {
            throw new UnsupportedOperationException(NOT_USED);
        }

        @Override
        public List<Attachment> owned(UserId owner, Collection<AttachmentId> ids) {
            throw new UnsupportedOperationException(NOT_USED);
        }

        @Override
        public boolean delete(UserId owner, AttachmentId id) {
            throw new UnsupportedOperationException(NOT_USED);
        }
    }

    /** Which ids have content and since when (the bytes themselves do not matter here). */
    public static final class StoredContent implements BlobStore, Store {
        private final RecordingTransactions transactions;
        private final Clock clock;
        private Map<AttachmentId, Instant> storedAt = new LinkedHashMap<>();

        public StoredContent(RecordingTransactions transactions, Clock clock) {
            this.transactions = transactions;
            this.clock = clock;
        }

        @Override
        public Runnable checkpoint() {
            Map<AttachmentId, Instant> saved = new LinkedHashMap<>(storedAt);
            return () -> storedAt = saved;
        }

        public boolean holds(AttachmentId id) {
            return storedAt.containsKey(id);
        }

        @Override
        public long write(AttachmentId id, InputStream content) {
            transactions.writing("blobs.write");
            try (content) {
                long size = content.transferTo(OutputStream.nullOutputStream());
                storedAt.put(id, clock.now());
                return size;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public InputStream read(AttachmentId id, long offset, long length) {
            throw new UnsupportedOperationException(NOT_USED);
        }

        @Override
        public void delete(Collection<AttachmentId> ids) {
            transactions.writing("blobs.delete");
            ids.forEach(storedAt::remove);
        }

        @Override
        public List<AttachmentId> storedBefore(Instant cutoff, int limit) {
            return storedAt.entrySet().stream().filter(entry -> entry.getValue().isBefore(cutoff))
                    .map(Map.Entry::getKey).limit(limit).toList();
        }
    }
}
