package org.dreamdiary.application.service.attachment;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dreamdiary.application.port.out.Clock;
import org.dreamdiary.application.port.out.attachment.BlobStore;
import org.dreamdiary.application.service.RecordingTransactions;
import org.dreamdiary.application.service.RecordingTransactions.Store;
import org.dreamdiary.domain.attachment.AttachmentId;
import org.dreamdiary.domain.error.NotFoundException;

/**
 * Content in memory, written in the caller's transaction as the database store writes it: a rollback undoes a
 * write, a failure midway keeps nothing. It can be told to fail after some bytes, as a disk or a connection would.
 */
public final class InMemoryBlobStore implements BlobStore, Store {
    private static final int PIECE = 8 * 1024;

    private final RecordingTransactions transactions;
    private final Clock clock;
    private Map<AttachmentId, byte[]> content = new LinkedHashMap<>();
    private Map<AttachmentId, Instant> storedAt = new LinkedHashMap<>();
    private long failAfter = -1;

    public InMemoryBlobStore(RecordingTransactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The next writes fail once they have taken {@code bytes} bytes. */
    public void failAfter(long bytes) {
        failAfter = bytes;
    }

    @Override
    public Runnable checkpoint() {
        Map<AttachmentId, byte[]> saved = new LinkedHashMap<>(content);
        Map<AttachmentId, Instant> savedAt = new LinkedHashMap<>(storedAt);
        return () -> {
            content = saved;
            storedAt = savedAt;
        };
    }

    @Override
    public long write(AttachmentId id, InputStream in) {
        transactions.writing("blobs.write");
        if (content.containsKey(id)) {
            throw new IllegalStateException("content of " + id + " exists already");
        }
        ByteArrayOutputStream taken = new ByteArrayOutputStream();
        byte[] piece = new byte[PIECE];
        try {
            for (int n = in.read(piece); n >= 0; n = in.read(piece)) {
                taken.write(piece, 0, n);
                if (failAfter >= 0 && taken.size() >= failAfter) {
                    throw new UncheckedIOException(new IOException("the store failed after " + taken.size() + " bytes"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        content.put(id, taken.toByteArray());
        storedAt.put(id, clock.now());
        return taken.size();
    }

    @Override
    public InputStream read(AttachmentId id, long offset, long length) {
        byte[] bytes = Optional.ofNullable(content.get(id)).orElseThrow(() -> new NotFoundException("content"));
        if (offset < 0 || length < 0 || offset + length > bytes.length) {
            throw new IllegalArgumentException("the range lies outside the content");
        }
        return new ByteArrayInputStream(bytes, (int) offset, (int) length);
    }

    @Override
    public void delete(Collection<AttachmentId> ids) {
        transactions.writing("blobs.delete");
        ids.forEach(id -> {
            content.remove(id);
            storedAt.remove(id);
        });
    }

    /** Answers like a store outside the database, so that content whose metadata is gone can be found. */
    @Override
    public List<AttachmentId> storedBefore(Instant cutoff, int limit) {
        return storedAt.entrySet().stream().filter(entry -> entry.getValue().isBefore(cutoff))
                .map(Map.Entry::getKey).limit(limit).toList();
    }

    public boolean holds(AttachmentId id) {
        return content.containsKey(id);
    }

    public int count() {
        return content.size();
    }
}
