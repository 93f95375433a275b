package org.dreamdiary.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dreamdiary.application.service.Contents.held;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dreamdiary.adapter.memory.MemoryStorage;
import org.dreamdiary.adapter.persistence.FileSystemBlobStore;
import org.dreamdiary.application.port.out.attachment.Attachments;
import org.dreamdiary.application.port.out.attachment.BlobStore;
import org.dreamdiary.domain.attachment.Attachment;
import org.dreamdiary.domain.attachment.AttachmentId;
import org.dreamdiary.domain.attachment.LinkUrl;
import org.dreamdiary.domain.user.UserId;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The purge of content whose metadata never committed. Only a store outside the database keeps such content, when a
 * crash comes between its write and the commit: the memory store undoes a write with its transaction and so answers
 * no orphans. The content here is in the file store, which the kit proves as it proves the memory store, and the
 * metadata in the memory store.
 */
class OrphanContentTest {
    private static final Duration LONG_AGO = Duration.ofHours(2);
    private static final Duration JUST_NOW = Duration.ofMinutes(5);

    @AutoClose
    private final MemoryStorage storage = new MemoryStorage();
    private final WatchedTransactions transactions = new WatchedTransactions(storage.transactions());
    @TempDir
    private Path directory;
    private BlobStore content;

    @BeforeEach
    void aFileStore() {
        content = new FileSystemBlobStore(directory, storage.transactions());
    }

    /** Content stored now, with its metadata or (as a crash before the commit leaves it) without. */
    private AttachmentId stored(boolean withMetadata) {
        AttachmentId id = new AttachmentId(UUID.randomUUID());
        return storage.transactions().inTransaction(() -> {
            if (withMetadata) {
                storage.attachments().add(Attachment.ofLink(id, new UserId(UUID.randomUUID()),
                        new LinkUrl("https://example.org/"), Instant.now()));
            }
            content.write(id, new ByteArrayInputStream(new byte[] {7}));
            return id;
        });
    }

    /** A purge run {@code later} than now: the file store dates content by when its file was written. */
    private Map<String, Integer> purgedAfter(Duration later) {
        Instant now = Instant.now().plus(later);
        OrphanContent orphans = new OrphanContent(transactions.watch(Attachments.class, storage.attachments()),
                transactions.watch(BlobStore.class, content), transactions);
        return new Purge(List.of(new Purge.Task("content without metadata", orphans)), () -> now).runOnce();
    }

    @Test
    void givenOldContentWithAndWithoutMetadata_whenPurged_thenOnlyTheOrphansGo() {
        AttachmentId described = stored(true);
        AttachmentId orphan = stored(false);

        Map<String, Integer> deleted = purgedAfter(LONG_AGO);

        assertThat(deleted).containsEntry("content without metadata", 1);
        assertThat(held(content, orphan)).isFalse();
        assertThat(held(content, described)).isTrue();
    }

    @Test
    void givenContentWithoutMetadataStoredWithinTheHour_whenPurged_thenItStaysForItsUploadMayStillCommit() {
        AttachmentId uploading = stored(false);

        Map<String, Integer> deleted = purgedAfter(JUST_NOW);

        assertThat(deleted).containsEntry("content without metadata", 0);
        assertThat(held(content, uploading)).isTrue();
    }

    @Test
    void givenOrphans_whenPurged_thenTheyGoInOneTransactionAndNoMoreThanOneRunLooksAt() {
        for (int i = 0; i < OrphanContent.LOOKED_AT + 3; i++) {
            stored(false);
        }
        int before = transactions.begun();

        Map<String, Integer> first = purgedAfter(LONG_AGO);
        Map<String, Integer> second = purgedAfter(LONG_AGO);

        assertThat(first).containsEntry("content without metadata", OrphanContent.LOOKED_AT);
        assertThat(second).containsEntry("content without metadata", 3);
        assertThat(transactions.begun()).isEqualTo(before + 2);
        assertThat(transactions.writesOutside()).isEmpty();
    }

    @Test
    void givenNothingOld_whenPurged_thenNoTransactionIsOpened() {
        int before = transactions.begun();

        purgedAfter(LONG_AGO);

        assertThat(transactions.begun()).isEqualTo(before);
    }
}
