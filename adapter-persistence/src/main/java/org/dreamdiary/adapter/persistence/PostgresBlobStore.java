package org.dreamdiary.adapter.persistence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.dreamdiary.application.port.out.attachment.BlobStore;
import org.dreamdiary.domain.attachment.AttachmentId;
import org.dreamdiary.domain.error.NotFoundException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.jdbi.v3.core.statement.StatementContext;
import org.postgresql.PGStatement;

/**
 * File content in {@code blob_chunks}, {@value #CHUNK_BYTES} bytes a row, written in the caller's transaction right
 * after the metadata row it belongs to (JDBI binds the open transaction's handle to the thread, so every statement
 * here joins it). A write reads the upload into one reusable chunk buffer; a read fetches at most
 * {@value #BATCH_CHUNKS} chunks per statement, only those covering the range, cutting the first and last to the
 * range in the database, and gives the connection back before the reader consumes them.
 */
public final class PostgresBlobStore implements BlobStore {
    static final int CHUNK_BYTES = 256 * 1024;
    /** Chunks per read statement: 1 MiB, the most one transfer holds. */
    static final int BATCH_CHUNKS = 4;

    /**
     * The requested range's part of each chunk from {@code :first} to {@code :last}: the range runs from
     * {@code :start} to {@code :end} (exclusive) in the whole content; the chunk {@code seq} covers
     * {@code seq × chunk} onwards. Out-of-line storage without compression lets PostgreSQL read just that slice.
     */
    private static final String SLICES = "SELECT seq, substring(data FROM CAST(greatest(:start, seq * :chunk) - seq * :chunk + 1 AS integer)"
            + " FOR CAST(least(:end, (seq + 1) * :chunk) - greatest(:start, seq * :chunk) AS integer)) AS slice"
            + " FROM blob_chunks WHERE blob_id = :id AND seq BETWEEN :first AND :last ORDER BY seq";

    /** Sends bytea in binary from the first execution, instead of as hex text (twice the size) until prepared. */
    private static final StatementCustomizer BINARY_RESULTS = new StatementCustomizer() {
        @Override
        public void beforeExecution(PreparedStatement statement, StatementContext context) throws SQLException {
            if (statement.isWrapperFor(PGStatement.class)) {
                statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
            }
        }
    };

    private final Jdbi jdbi;

    public PostgresBlobStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public long write(AttachmentId id, InputStream content) {
        // Joins the caller's transaction; called outside one, it is a transaction of its own, so a failure midway
        // leaves no chunk either way.
        return jdbi.inTransaction(handle -> {
            byte[] buffer = new byte[CHUNK_BYTES];
            long total = 0;
            for (int seq = 0; ; seq++) {
                int filled = fill(content, buffer);
                if (filled == 0) {
                    return total;
                }
                handle.createUpdate("INSERT INTO blob_chunks (blob_id, seq, data) VALUES (:id, :seq, :data)")
                        .bind("id", id.value()).bind("seq", seq)
                        .bindBinaryStream("data", new ByteArrayInputStream(buffer, 0, filled), filled)
                        .execute();
                total += filled;
                if (filled < CHUNK_BYTES) {
                    return total;
                }
            }
        });
    }

    /** Reads until {@code buffer} is full or the content ends; how many bytes it holds. */
    private static int fill(InputStream content, byte[] buffer) {
        try {
            return content.readNBytes(buffer, 0, buffer.length);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the content to store failed", e);
        }
    }

    @Override
    public InputStream read(AttachmentId id, long offset, long length) {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("a range starts and lasts at least at 0: " + offset + ", " + length);
        }
        ChunkStream stream = new ChunkStream(id.value(), offset, offset + length);
        if (!stream.open()) {
            throw new NotFoundException("attachment");
        }
        return stream;
    }

    @Override
    public void delete(Collection<AttachmentId> ids) {
        if (ids.isEmpty()) {
            return;
        }
        jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM blob_chunks WHERE blob_id = ANY(:ids)")
                .bindArray("ids", UUID.class, ids.stream().map(AttachmentId::value).toList())
                .execute());
    }

    /**
     * None, ever: chunks are written in the transaction of their metadata and hang on it by a foreign key, so a
     * crash cannot leave content without metadata, and deleting the metadata (or its owner) deletes them.
     */
    @Override
    public List<AttachmentId> storedBefore(Instant cutoff, int limit) {
        return List.of();
    }

    /** The range, fetched a batch of chunks at a time as it is read, each batch with a short use of a connection. */
    private final class ChunkStream extends InputStream {
        private final UUID id;
        private final long end;
        private long next;
        private byte[][] batch = new byte[0][];
        private int slice;
        private int position;

        ChunkStream(UUID id, long start, long end) {
            this.id = id;
            this.next = start;
            this.end = end;
        }

        /** Fetches the first batch (or, for an empty range, checks that there is content); false if there is none. */
        boolean open() {
            if (next == end) {
                return jdbi.withHandle(handle -> handle.createQuery("SELECT EXISTS (SELECT 1 FROM blob_chunks WHERE blob_id = :id)")
                        .bind("id", id).mapTo(Boolean.class).one());
            }
            return fetch();
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            Objects.checkFromIndexSize(offset, length, target.length);
            if (length == 0) {
                return 0;
            }
            while (slice < batch.length && position == batch[slice].length) {
                slice++;
                position = 0;
            }
            if (slice == batch.length) {
                if (next == end) {
                    return -1;
                }
                if (!fetch()) {
                    throw new IOException("the content of attachment " + id + " was deleted while it was read");
                }
            }
            byte[] current = batch[slice];
            int count = Math.min(length, current.length - position);
            System.arraycopy(current, position, target, offset, count);
            position += count;
            return count;
        }

        @Override
        public int available() {
            return slice < batch.length ? batch[slice].length - position : 0;
        }

        /** The next batch in place of the last; false unless every chunk of it is there, whole. */
        private boolean fetch() {
            long first = next / CHUNK_BYTES;
            long last = Math.min((end - 1) / CHUNK_BYTES, first + BATCH_CHUNKS - 1);
            long batchEnd = Math.min(end, (last + 1) * CHUNK_BYTES);
            batch = new byte[0][]; // the previous batch may go before the next arrives
            List<Slice> slices = jdbi.withHandle(handle -> handle.createQuery(SLICES)
                    .addCustomizer(BINARY_RESULTS)
                    .bind("id", id).bind("chunk", (long) CHUNK_BYTES)
                    .bind("start", next).bind("end", batchEnd).bind("first", first).bind("last", last)
                    .map((row, ctx) -> new Slice(row.getLong("seq"), row.getBytes("slice")))
                    .list());
            long expected = next;
            for (int i = 0; i < slices.size(); i++) {
                Slice found = slices.get(i);
                long chunkStart = found.seq() * CHUNK_BYTES;
                if (found.seq() != first + i
                        || found.bytes().length != Math.min(batchEnd, chunkStart + CHUNK_BYTES) - Math.max(expected, chunkStart)) {
                    return false;
                }
                expected += found.bytes().length;
            }
            if (expected != batchEnd) {
                return false;
            }
            batch = slices.stream().map(Slice::bytes).toArray(byte[][]::new);
            slice = 0;
            position = 0;
            next = batchEnd;
            return true;
        }
    }

    private record Slice(long seq, byte[] bytes) {
    }
}
