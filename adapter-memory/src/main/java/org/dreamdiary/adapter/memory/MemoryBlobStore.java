package org.dreamdiary.adapter.memory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.dreamdiary.application.port.out.attachment.BlobStore;
import org.dreamdiary.domain.attachment.AttachmentId;
import org.dreamdiary.domain.error.NotFoundException;

/**
 * File content in memory, kept in byte arrays of at most {@value #PIECE_BYTES} bytes, so that no upload needs one
 * array of its whole size nor a copy of it. A write is stored at once and undone if its transaction rolls back; a
 * deletion takes effect as its transaction commits. So reading, which takes no lock, neither waits for a
 * transaction to end nor sees a deletion that may yet roll back, as readers of the database store do not.
 */
final class MemoryBlobStore implements BlobStore {
    static final int PIECE_BYTES = 256 * 1024;

    private final MemoryTransactions transactions;
    private final Map<AttachmentId, Content> contents = new ConcurrentHashMap<>();

    MemoryBlobStore(MemoryTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public long write(AttachmentId id, InputStream content) {
        return transactions.atomically(() -> {
            Content stored = Content.readFrom(content);
            contents.put(id, stored);
            transactions.undo(() -> contents.remove(id));
            return stored.size();
        });
    }

    @Override
    public InputStream read(AttachmentId id, long offset, long length) {
        Content content = contents.get(id);
        if (content == null) {
            throw new NotFoundException("attachment");
        }
        return content.range(offset, length);
    }

    @Override
    public void delete(Collection<AttachmentId> ids) {
        List<AttachmentId> deleted = List.copyOf(ids);
        transactions.atomically(() -> transactions.atCommit(() -> deleted.forEach(contents::remove)));
    }

    /**
     * None, ever: a write is undone with its transaction and nothing outlives the process, so no content is left
     * without its metadata.
     */
    @Override
    public List<AttachmentId> storedBefore(Instant cutoff, int limit) {
        return List.of();
    }

    /** One file's content: full pieces and a shorter last one, none of them changed once stored. */
    private record Content(List<byte[]> pieces, long size) {
        static Content readFrom(InputStream in) {
            List<byte[]> pieces = new ArrayList<>();
            long size = 0;
            try {
                while (true) {
                    byte[] piece = new byte[PIECE_BYTES];
                    int filled = in.readNBytes(piece, 0, PIECE_BYTES);
                    if (filled > 0) {
                        pieces.add(filled == PIECE_BYTES ? piece : Arrays.copyOf(piece, filled));
                        size += filled;
                    }
                    if (filled < PIECE_BYTES) {
                        return new Content(List.copyOf(pieces), size);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("reading the content to store failed", e);
            }
        }

        /** The range as views of the pieces it covers, read as it is consumed. */
        InputStream range(long offset, long length) {
            if (offset < 0 || length < 0 || offset + length > size) {
                throw new IllegalArgumentException("the range " + offset + "+" + length + " lies outside " + size + " bytes");
            }
            List<InputStream> slices = new ArrayList<>();
            for (long position = offset, end = offset + length; position < end; ) {
                int from = (int) (position % PIECE_BYTES);
                int count = (int) Math.min(PIECE_BYTES - from, end - position);
                slices.add(new ByteArrayInputStream(pieces.get((int) (position / PIECE_BYTES)), from, count));
                position += count;
            }
            return new SequenceInputStream(Collections.enumeration(slices));
        }
    }
}
