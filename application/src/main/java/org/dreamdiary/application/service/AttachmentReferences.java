package org.dreamdiary.application.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dreamdiary.application.change.Change;
import org.dreamdiary.application.port.out.attachment.Attachments;
import org.dreamdiary.domain.attachment.Attachment;
import org.dreamdiary.domain.attachment.AttachmentId;
import org.dreamdiary.domain.attachment.AttachmentKind;
import org.dreamdiary.domain.error.ValidationException;
import org.dreamdiary.domain.user.UserId;

/**
 * Attachment ids given in a request, turned into the caller's attachments. An id that names no attachment of the
 * caller's (another user's, or none at all: the two are not told apart) is a 422 on the request's field. Called
 * inside the use case's transaction, so what it finds is what the use case stores.
 */
public final class AttachmentReferences {
    /** The request field that names what a dream, task or diary entry holds. */
    public static final String ATTACHMENT_IDS = "attachment_ids";

    private final Attachments attachments;

    public AttachmentReferences(Attachments attachments) {
        this.attachments = attachments;
    }

    /**
     * The caller's attachments named by {@code ids}, in the same order, with one statement's worth of lookups.
     *
     * @throws ValidationException on {@code field} when an id repeats or names no attachment of {@code owner}'s,
     *                             naming every such item by its index
     */
    public List<Attachment> resolve(UserId owner, List<UUID> ids, String field) {
        if (ids.isEmpty()) {
            return List.of();
        }
        if (new HashSet<>(ids).size() != ids.size()) {
            throw ValidationException.of(field, "must not repeat an attachment");
        }
        List<AttachmentId> wanted = ids.stream().map(AttachmentId::new).toList();
        Map<AttachmentId, Attachment> found = attachments.owned(owner, wanted).stream()
                .collect(Collectors.toMap(Attachment::id, Function.identity()));
        List<Attachment> resolved = new ArrayList<>(wanted.size());
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            Attachment attachment = found.get(wanted.get(i));
            if (attachment == null) {
                missing.add(i);
            } else {
                resolved.add(attachment);
            }
        }
        if (!missing.isEmpty()) {
            throw ValidationException.of(field, missing.size() == 1
                    ? "item " + missing.get(0) + " names no attachment of yours"
                    : "items " + missing.stream().map(String::valueOf).collect(Collectors.joining(", "))
                            + " name no attachment of yours");
        }
        return List.copyOf(resolved);
    }

    /**
     * What a partial update leaves held: {@code current} when {@code ids} is left unchanged, else the caller's
     * attachments it names, on {@link #ATTACHMENT_IDS}.
     */
    public List<Attachment> afterChange(UserId owner, Change<List<UUID>> ids, List<Attachment> current) {
        return ids.isPresent() ? resolve(owner, ids.orElse(null), ATTACHMENT_IDS) : current;
    }

    /**
     * The caller's image named by {@code id}: what a profile may show as its avatar.
     *
     * @throws ValidationException on {@code field} when {@code id} names no image of {@code owner}'s
     */
    public Attachment image(UserId owner, UUID id, String field) {
        // owned, not byId: it keeps the image from being deleted before the profile that shows it commits
        return attachments.owned(owner, List.of(new AttachmentId(id))).stream()
                .filter(attachment -> attachment.kind() == AttachmentKind.IMAGE)
                .findFirst()
                .orElseThrow(() -> ValidationException.of(field, "must name an image of yours"));
    }
}
