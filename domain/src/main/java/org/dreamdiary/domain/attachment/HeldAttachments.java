package org.dreamdiary.domain.attachment;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.dreamdiary.domain.user.UserId;

/**
 * The rule for what a dream, task or diary entry holds: its owner's attachments only, each at most once, in the
 * order given. Attachments never change, so holding them as values is safe.
 */
public final class HeldAttachments {
    private HeldAttachments() {
    }

    /** An immutable copy of {@code attachments}, checked against the rule. */
    public static List<Attachment> of(UserId owner, List<Attachment> attachments) {
        List<Attachment> held = List.copyOf(Objects.requireNonNull(attachments, "attachments"));
        Set<AttachmentId> seen = new HashSet<>();
        for (Attachment attachment : held) {
            if (!attachment.owner().equals(owner)) {
                throw new IllegalArgumentException("attachment " + attachment.id() + " is not the owner's");
            }
            if (!seen.add(attachment.id())) {
                throw new IllegalArgumentException("attachment " + attachment.id() + " is held twice");
            }
        }
        return held;
    }
}
