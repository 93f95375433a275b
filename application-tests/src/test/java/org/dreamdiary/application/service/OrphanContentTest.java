package org.dreamdiary.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dreamdiary.application.service.attachment.InMemoryAttachments;
import org.dreamdiary.application.service.attachment.InMemoryBlobStore;
import org.dreamdiary.domain.attachment.Attachment;
import org.dreamdiary.domain.attachment.AttachmentId;
import org.dreamdiary.domain.attachment.LinkUrl;
import org.dreamdiary.domain.user.UserId;
import org.junit.jupiter.api.Test;

class OrphanContentTest {
    private static final Instant NOW = Instant.parse("2026-11-21T10:30:00.000Z");
    private static final Instant LONG_AGO = NOW.minus(Duration.ofHours(2));
    private static final Instant JUST_NOW = NOW.minus(Duration.ofMinutes(5));

    private Instant clock = LONG_AGO;
    private final RecordingTransactions transactions = new RecordingTransactions();
    private final InMemoryAttachments attachments = transactions.register(new InMemoryAttachments(transactions));
    private final InMemoryBlobStore content = transactions.register(new InMemoryBlobStore(transactions, () -> clock));
    private final Purge purge = new Purge(List.of(new Purge.Task("content without metadata",
            new OrphanContent(attachments, content, transactions))), () -> NOW);

    /** Content stored at {@code when}, with its metadata or (as a crash before the commit leaves it) without. */
    private AttachmentId stored(Instant when, boolean withMetadata) {
        clock = when;
        AttachmentId id = new AttachmentId(UUID.randomUUID());
        return transactions.inTransaction(() -> {
            if (withMetadata) {
                attachments.add(Attachment.ofLink(id, new UserId(UUID.randomUUID()), new LinkUrl("https://example.org/"), when));
            }
            content.write(id, new ByteArrayInputStream(new byte[] {7}));
            return id;
        });
    }

    @Test
    void givenOldContentWithAndWithoutMetadata_whenPurged_thenOnlyTheOrphansGo() {
        AttachmentId described = stored(LONG_AGO, true);
        AttachmentId orphan = stored(LONG_AGO, false);

        Map<String, Integer> deleted = purge.runOnce();

        assertThat(deleted).containsEntry("content without metadata", 1);
        assertThat(content.holds(orphan)).isFalse();
        assertThat(content.holds(described)).isTrue();
    }

    @Test
    void givenContentWithoutMetadataStoredWithinTheHour_whenPurged_thenItStaysForItsUploadMayStillCommit() {
        AttachmentId uploading = stored(JUST_NOW, false);

        Map<String, Integer> deleted = purge.runOnce();

        assertThat(deleted).containsEntry("content without metadata", 0);
        assertThat(content.holds(uploading)).isTrue();
    }

    @Test
    void givenOrphans_whenPurged_thenTheyGoInOneTransactionAndNoMoreThanOneRunLooksAt() {
        for (int i = 0; i < OrphanContent.LOOKED_AT + 3; i++) {
            stored(LONG_AGO, false);
        }
        int before = transactions.begun();

        Map<String, Integer> first = purge.runOnce();
        Map<String, Integer> second = purge.runOnce();

        assertThat(first).containsEntry("content without metadata", OrphanContent.LOOKED_AT);
        assertThat(second).containsEntry("content without metadata", 3);
        assertThat(transactions.begun()).isEqualTo(before + 2);
        assertThat(transactions.writesOutside()).isEmpty();
    }

    @Test
    void givenNothingOld_whenPurged_thenNoTransactionIsOpened() {
        int before = transactions.begun();

        purge.runOnce();

        assertThat(transactions.begun()).isEqualTo(before);
    }
}
