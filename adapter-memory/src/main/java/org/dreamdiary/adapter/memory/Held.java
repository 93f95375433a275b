package org.dreamdiary.adapter.memory;

import java.util.List;
import java.util.Optional;
import org.dreamdiary.domain.attachment.Attachment;
import org.dreamdiary.domain.attachment.AttachmentId;

/** What a dream, task or diary entry holds once an attachment is deleted. */
final class Held {
    private Held() {
    }

    /** {@code held} without the attachment, in the same order; empty when it did not hold it. */
    static Optional<List<Attachment>> without(List<Attachment> held, AttachmentId attachment) {
        List<Attachment> kept = held.stream().filter(each -> !each.id().equals(attachment)).toList();
        return kept.size() == held.size() ? Optional.empty() : Optional.of(kept);
    }
}
