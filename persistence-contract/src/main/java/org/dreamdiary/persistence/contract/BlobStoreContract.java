package org.dreamdiary.persistence.contract;

import static org.dreamdiary.persistence.contract.GeneratedContent.assertSameBytes;
import static org.dreamdiary.persistence.contract.TestUsers.aUser;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.dreamdiary.application.port.out.Transactions;
import org.dreamdiary.application.port.out.attachment.BlobStore;
import org.dreamdiary.domain.attachment.Attachment;
import org.dreamdiary.domain.attachment.AttachmentId;
import org.dreamdiary.domain.error.NotFoundException;
import org.dreamdiary.domain.user.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link BlobStore} promises. Content comes from a {@link GeneratedContent}, never a whole array, and
 * is compared as it streams; it is written in a transaction of the store, after its metadata, as a use case
 * writes it.
 */
public abstract class BlobStoreContract extends StorageContract {
    /** More than three quarter-mebibyte chunks, so that ranges cross the boundaries of a store that keeps chunks. */
    protected static final int SIZE = 3 * 256 * 1024 + 1000;
    protected static final int TEN_MIB = 10 * 1024 * 1024;
    /** The largest piece of an upload a store may ask for at once. */
    private static final int BOUNDED_PIECE = 1024 * 1024;

    protected BlobStore blobs;
    protected Transactions transactions;
    private User owner;

    @BeforeEach
    final void takeBlobs() {
        blobs = storage.blobs();
        transactions = storage.transactions();
        owner = aUser().build();
        storage.users().add(owner);
    }

    /** A new id with committed metadata (a file of a user's), under which content may be stored. */
    protected AttachmentId preparedId() {
        Attachment file = TestAttachments.video(owner.id(), TestAttachments.CREATED);
        storage.attachments().add(file);
        return file.id();
    }

    /** Content of {@code size} bytes made from {@code seed}, written and committed under a new id. */
    protected AttachmentId written(int size, int seed) {
        AttachmentId id = preparedId();
        transactions.inTransaction(() -> blobs.write(id, new GeneratedContent(size, seed)));
        return id;
    }

    /**
     * What a store can check beyond reading, after a write that kept nothing: that no trace of {@code id} is left
     * (no rows, no files). A store with nothing to look at leaves it as it is.
     */
    protected void assertNothingLeftOf(AttachmentId id) {
    }

    // --- writing and reading ---

    @Test
    void givenContentWritten_whenReadWhole_thenTheExactBytesComeBack() throws IOException {
        AttachmentId id = written(SIZE, 1);

        assertSameBytes(blobs.read(id, 0, SIZE), new GeneratedContent(SIZE, 1));
    }

    @Test
    void givenContent_whenWritten_thenItAnswersHowManyBytesItTook() {
        AttachmentId id = preparedId();

        long written = transactions.inTransaction(() -> blobs.write(id, new GeneratedContent(SIZE, 2)));

        assertEquals(SIZE, written);
    }

    @Test
    void givenOneByte_whenReadBack_thenItIsThatByte() throws IOException {
        AttachmentId id = preparedId();
        transactions.inTransaction(() -> blobs.write(id, new ByteArrayInputStream(new byte[] {(byte) 0xfe})));

        try (InputStream in = blobs.read(id, 0, 1)) {
            assertArrayEquals(new byte[] {(byte) 0xfe}, in.readAllBytes());
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
            assertSameBytes(blobs.read(id, range[0], range[1]), new GeneratedContent(SIZE, 3).from(range[0], range[1]));
        }
    }

    @Test
    void givenTenMebibytesStreamedIn_whenReadWholeAndInRanges_thenEveryByteComesBack() throws IOException {
        AttachmentId id = preparedId();
        GeneratedContent upload = new GeneratedContent(TEN_MIB, 4);

        long written = transactions.inTransaction(() -> blobs.write(id, upload));

        assertEquals(TEN_MIB, written);
        assertTrue(upload.largestRequest() <= BOUNDED_PIECE,
                "the upload is taken in pieces of bounded size, not " + upload.largestRequest() + " bytes at once");
        assertSameBytes(blobs.read(id, 0, TEN_MIB), new GeneratedContent(TEN_MIB, 4));
        long middle = 1024 * 1024 - 3;
        long across = 2 * 1024 * 1024 + 10;
        assertSameBytes(blobs.read(id, middle, across), new GeneratedContent(TEN_MIB, 4).from(middle, across));
        assertSameBytes(blobs.read(id, TEN_MIB - 100, 100), new GeneratedContent(TEN_MIB, 4).from(TEN_MIB - 100, 100));
    }

    @Test
    void givenNothingStored_whenRead_thenNotFound() {
        assertThrows(NotFoundException.class, () -> blobs.read(preparedId(), 0, 1));
    }

    // --- deleting ---

    @Test
    void givenContent_whenDeleted_thenItCannotBeReadAnyMore() {
        AttachmentId kept = written(SIZE, 5);
        AttachmentId deleted = written(SIZE, 6);

        transactions.inTransaction(() -> {
            blobs.delete(List.of(deleted));
            return null;
        });

        assertThrows(NotFoundException.class, () -> blobs.read(deleted, 0, SIZE));
        assertThrows(NotFoundException.class, () -> blobs.read(deleted, SIZE - 1, 1));
        assertTrue(readable(kept, SIZE, 5));
    }

    @Test
    void givenIdsWithNothingStored_whenDeleted_thenNothingFails() {
        AttachmentId never = preparedId();
        AttachmentId other = preparedId();

        assertDoesNotThrow(() -> transactions.inTransaction(() -> {
            blobs.delete(List.of(never, other));
            blobs.delete(List.of());
            return null;
        }));
    }

    @Test
    void givenADeletionNotYetCommitted_whenAnotherReaderReads_thenTheContentIsStillThere() {
        AttachmentId id = written(SIZE, 7);

        transactions.inTransaction(() -> {
            blobs.delete(List.of(id));
            assertTrue(elsewhere(() -> readable(id, SIZE, 7)), "seen by a reader outside the transaction");
            return null;
        });

        assertThrows(NotFoundException.class, () -> blobs.read(id, 0, SIZE));
    }

    @Test
    void givenADeletionRolledBack_whenRead_thenTheContentIsStillThere() {
        AttachmentId id = written(SIZE, 8);

        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> transactions.inTransaction(() -> {
            blobs.delete(List.of(id));
            throw new IllegalStateException("the use case failed after the deletion");
        }));

        assertEquals("the use case failed after the deletion", failure.getMessage());
        assertTrue(readable(id, SIZE, 8));
    }

    // --- failures leave nothing ---

    @Test
    void givenAnUploadThatFailsMidway_whenWritten_thenNothingIsStored() {
        AttachmentId id = preparedId();

        assertThrows(UncheckedIOException.class, () -> transactions.inTransaction(
                () -> blobs.write(id, new GeneratedContent(SIZE, 9).failingAfter(300_000))));

        assertThrows(NotFoundException.class, () -> blobs.read(id, 0, 1));
        assertNothingLeftOf(id);
    }

    @Test
    void givenAWriteWhoseTransactionRollsBack_whenRead_thenNothingIsStored() {
        AttachmentId id = preparedId();

        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> transactions.inTransaction(() -> {
            blobs.write(id, new GeneratedContent(SIZE, 10));
            throw new IllegalStateException("the metadata could not be stored");
        }));

        assertEquals("the metadata could not be stored", failure.getMessage());
        assertThrows(NotFoundException.class, () -> blobs.read(id, 0, 1));
        assertNothingLeftOf(id);
    }

    // --- content stored before a time ---

    @Test
    void givenContentJustWritten_whenAskedForContentStoredBeforeAnEarlierTime_thenItIsNotAmongThem() {
        AttachmentId id = written(10, 11);

        List<AttachmentId> stored = blobs.storedBefore(Instant.now().minus(Duration.ofHours(1)), 1000);

        assertFalse(stored.contains(id), "stored before an hour ago: " + stored);
    }

    @Test
    void givenContentKeptDeletedAndRolledBack_whenAskedForContentStoredBefore_thenOnlyContentStillStoredComesAtMostTheLimit() {
        written(10, 12);
        written(10, 13);
        AttachmentId deleted = written(10, 14);
        transactions.inTransaction(() -> {
            blobs.delete(List.of(deleted));
            return null;
        });
        AttachmentId rolledBack = preparedId();
        assertThrows(IllegalStateException.class, () -> transactions.inTransaction(() -> {
            blobs.write(rolledBack, new GeneratedContent(10, 15));
            throw new IllegalStateException("rolled back");
        }));
        Instant later = Instant.now().plus(Duration.ofDays(1));

        List<AttachmentId> one = blobs.storedBefore(later, 1);
        List<AttachmentId> all = blobs.storedBefore(later, 1000);

        assertTrue(one.size() <= 1, "at most the limit: " + one);
        assertEquals(all.size(), new HashSet<>(all).size(), "each at most once: " + all);
        assertFalse(all.contains(deleted), "deleted content is not stored");
        assertFalse(all.contains(rolledBack), "rolled back content is not stored");
        for (AttachmentId id : all) {
            assertDoesNotThrow(() -> blobs.read(id, 0, 1).close(), "content is stored under " + id);
        }
    }

    // --- helpers ---

    private boolean readable(AttachmentId id, int size, int seed) {
        try {
            assertSameBytes(blobs.read(id, 0, size), new GeneratedContent(size, seed));
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What {@code read} answers on another thread, outside the caller's transaction. */
    private static boolean elsewhere(Supplier<Boolean> read) {
        try {
            return CompletableFuture.supplyAsync(read).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the reader outside the transaction did not read", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
