package org.dreamdiary.application.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.dreamdiary.application.port.out.Transactions;
import org.dreamdiary.application.port.out.attachment.Attachments;
import org.dreamdiary.application.port.out.attachment.BlobStore;
import org.dreamdiary.domain.attachment.AttachmentId;

/**
 * A purge task: content whose metadata never committed (a store outside the database keeps a file written just
 * before a crash) is deleted. Only content older than {@link #GRACE} is looked at, so an upload still in its
 * transaction is never taken for an orphan.
 */
public final class OrphanContent implements Purge.Deletion {
    /** Far longer than any upload's transaction lasts. */
    static final Duration GRACE = Duration.ofHours(1);
    /** Ids looked at per run: one statement's worth for the metadata check. */
    static final int LOOKED_AT = 500;

    private final Attachments attachments;
    private final BlobStore blobs;
    private final Transactions transactions;

    public OrphanContent(Attachments attachments, BlobStore blobs, Transactions transactions) {
        this.attachments = attachments;
        this.blobs = blobs;
        this.transactions = transactions;
    }

    @Override
    public int delete(Instant now, int max) {
        List<AttachmentId> stored = blobs.storedBefore(now.minus(GRACE), Math.min(max, LOOKED_AT));
        if (stored.isEmpty()) {
            return 0;
        }
        return transactions.inTransaction(() -> {
            Set<AttachmentId> described = attachments.existing(stored);
            List<AttachmentId> orphans = stored.stream().filter(id -> !described.contains(id)).toList();
            blobs.delete(orphans);
            return orphans.size();
        });
    }
}
