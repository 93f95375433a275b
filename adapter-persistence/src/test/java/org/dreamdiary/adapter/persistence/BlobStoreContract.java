package org.dreamdiary.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.dreamdiary.application.port.out.attachment.BlobStore;
import org.dreamdiary.domain.attachment.AttachmentId;
import org.dreamdiary.domain.error.NotFoundException;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every {@link BlobStore} promises; a subclass per store supplies it. Content comes from a generator, never a
 * whole array, and is compared as it streams. Writes run in a real database transaction, as a use case runs them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BlobStoreContract {
    /** More than three chunks of the database store, so that ranges cross chunk boundaries. */
    static final int SIZE = 3 * 256 * 1024 + 1000;
    static final int TEN_MIB = 10 * 1024 * 1024;

    protected final Jdbi jdbi = MigratedSchema.jdbi(MigratedSchema.create());
    protected final JdbiTransactions transactions = new JdbiTransactions(jdbi);
    protected BlobStore store;

    /** The store under test, over {@link #jdbi} and {@link #transactions}. */
    protected abstract BlobStore store();

    /** A new id under which content may be stored (a store in the database needs its metadata row first). */
    protected abstract AttachmentId preparedId();

    @BeforeAll
    void openStore() {
        store = store();
    }

    // --- writing and reading ---

    @Test
    void givenContentWritten_whenReadWhole_thenTheExactBytesComeBack() throws IOException {
        AttachmentId id = written(SIZE, 1);

        assertSameBytes(store.read(id, 0, SIZE), new Generated(SIZE, 1));
    }

    @Test
    void givenContent_whenWritten_thenItAnswersHowManyBytesItTook() {
        AttachmentId id = preparedId();

        long written = transactions.inTransaction(() -> store.write(id, new Generated(SIZE, 2)));

        assertThat(written).isEqualTo(SIZE);
    }

    @Test
    void givenOneByte_whenReadBack_thenItIsThatByte() throws IOException {
        AttachmentId id = preparedId();
        transactions.inTransaction(() -> store.write(id, new ByteArrayInputStream(new byte[] {(byte) 0xfe})));

        try (InputStream in = store.read(id, 0, 1)) {
            assertThat(in.readAllBytes()).containsExactly((byte) 0xfe);
        }
    }

    @Test
    void givenContentWritten_whenRangesAreRead_thenEachIsExactlyThoseBytes() throws IOException {
        AttachmentId id = written(SIZE, 3);
        long chunk = 256 * 1024;
        long[][] ranges = {
                {0, 10}, // the start
                {chunk - 5, 10}, // across a chunk boundary
                {chunk, chunk}, // exactly one chunk
                {1000, 2 * chunk + 7}, // from inside the first chunk to inside the third
                {SIZE - 7, 7}, // the end
                {SIZE - 1, 1}, // the last byte
        };
        for (long[] range : ranges) {
            assertSameBytes(store.read(id, range[0], range[1]), new Generated(SIZE, 3).from(range[0], range[1]));
        }
    }

    @Test
    void givenTenMebibytesStreamedIn_whenReadWholeAndInRanges_thenEveryByteComesBack() throws IOException {
        AttachmentId id = preparedId();

        long written = transactions.inTransaction(() -> store.write(id, new Generated(TEN_MIB, 4)));

        assertThat(written).isEqualTo(TEN_MIB);
        assertSameBytes(store.read(id, 0, TEN_MIB), new Generated(TEN_MIB, 4));
        long middle = 1024 * 1024 - 3;
        long across = 2 * 1024 * 1024 + 10;
        assertSameBytes(store.read(id, middle, across), new Generated(TEN_MIB, 4).from(middle, across));
        assertSameBytes(store.read(id, TEN_MIB - 100, 100), new Generated(TEN_MIB, 4).from(TEN_MIB - 100, 100));
    }

    @Test
    void givenNothingStored_whenRead_thenNotFound() {
        assertThatThrownBy(() -> store.read(preparedId(), 0, 1)).isInstanceOf(NotFoundException.class);
    }

    // --- deleting ---

    @Test
    void givenContent_whenDeleted_thenItCannotBeReadAnyMore() {
        AttachmentId kept = written(SIZE, 5);
        AttachmentId deleted = written(SIZE, 6);

        transactions.inTransaction(() -> {
            store.delete(List.of(deleted));
            return null;
        });

        assertThatThrownBy(() -> store.read(deleted, 0, SIZE)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.read(deleted, SIZE - 1, 1)).isInstanceOf(NotFoundException.class);
        assertThat(readable(kept, SIZE, 5)).isTrue();
    }

    @Test
    void givenIdsWithNothingStored_whenDeleted_thenNothingFails() {
        transactions.inTransaction(() -> {
            store.delete(List.of(preparedId(), preparedId()));
            store.delete(List.of());
            return null;
        });
    }

    @Test
    void givenADeletionNotYetCommitted_whenAnotherReaderReads_thenTheContentIsStillThere() throws Exception {
        AttachmentId id = written(SIZE, 7);

        transactions.inTransaction(() -> {
            store.delete(List.of(id));
            try {
                boolean seenElsewhere = CompletableFuture.supplyAsync(() -> readable(id, SIZE, 7)).get(30, TimeUnit.SECONDS);
                assertThat(seenElsewhere).isTrue();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return null;
        });

        assertThatThrownBy(() -> store.read(id, 0, SIZE)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void givenADeletionRolledBack_whenRead_thenTheContentIsStillThere() {
        AttachmentId id = written(SIZE, 8);

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            store.delete(List.of(id));
            throw new IllegalStateException("the use case failed after the deletion");
        })).hasMessage("the use case failed after the deletion");

        assertThat(readable(id, SIZE, 8)).isTrue();
    }

    // --- failures leave nothing ---

    @Test
    void givenAnUploadThatFailsMidway_whenWritten_thenNothingIsStored() {
        AttachmentId id = preparedId();

        assertThatThrownBy(() -> transactions.inTransaction(() -> store.write(id, new Generated(SIZE, 9).failingAfter(300_000))))
                .isInstanceOf(UncheckedIOException.class);

        assertThatThrownBy(() -> store.read(id, 0, 1)).isInstanceOf(NotFoundException.class);
        assertNothingLeftOf(id);
    }

    @Test
    void givenAWriteWhoseTransactionRollsBack_whenRead_thenNothingIsStored() {
        AttachmentId id = preparedId();

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            store.write(id, new Generated(SIZE, 10));
            throw new IllegalStateException("the metadata could not be stored");
        })).hasMessage("the metadata could not be stored");

        assertThatThrownBy(() -> store.read(id, 0, 1)).isInstanceOf(NotFoundException.class);
        assertNothingLeftOf(id);
    }

    /** What a store can check beyond reading: that no trace of {@code id} is left (no rows, no files). */
    protected abstract void assertNothingLeftOf(AttachmentId id);

    // --- helpers ---

    protected AttachmentId written(int size, int seed) {
        AttachmentId id = preparedId();
        transactions.inTransaction(() -> store.write(id, new Generated(size, seed)));
        return id;
    }

    private boolean readable(AttachmentId id, int size, int seed) {
        try {
            assertSameBytes(store.read(id, 0, size), new Generated(size, seed));
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Both streams to their end, compared piece by piece, then closed. */
    static void assertSameBytes(InputStream actual, InputStream expected) throws IOException {
        try (actual; expected) {
            byte[] left = new byte[64 * 1024];
            byte[] right = new byte[64 * 1024];
            long position = 0;
            while (true) {
                int got = actual.readNBytes(left, 0, left.length);
                int want = expected.readNBytes(right, 0, got == 0 ? right.length : got);
                assertThat(got).as("bytes read at %d", position).isEqualTo(want);
                if (got == 0) {
                    return;
                }
                for (int i = 0; i < got; i++) {
                    if (left[i] != right[i]) {
                        throw new AssertionError("byte " + (position + i) + " is " + left[i] + ", not " + right[i]);
                    }
                }
                position += got;
            }
        }
    }

    /**
     * {@code size} bytes made up as they are read, different for every seed and position: no file is ever held.
     * It can skip to a range, and fail after some bytes as a client's upload might.
     */
    static final class Generated extends InputStream {
        private final long end;
        private final int seed;
        private long position;
        private long failAt = Long.MAX_VALUE;

        Generated(long size, int seed) {
            this.end = size;
            this.seed = seed;
        }

        Generated from(long offset, long length) {
            Generated range = new Generated(offset + length, seed);
            range.position = offset;
            return range;
        }

        Generated failingAfter(long bytes) {
            failAt = bytes;
            return this;
        }

        static byte at(long position, int seed) {
            long mixed = (position + seed) * 0x9E3779B97F4A7C15L;
            return (byte) (mixed >>> 56);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (position >= failAt) {
                throw new IOException("the client went away");
            }
            if (position >= end) {
                return -1;
            }
            int count = (int) Math.min(length, Math.min(end, failAt) - position);
            for (int i = 0; i < count; i++) {
                target[offset + i] = at(position + i, seed);
            }
            position += count;
            return count;
        }
    }
}
