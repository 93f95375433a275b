package org.dreamdiary.client.model;

/** Which attachments to list: of one kind, or all ({@code kind} {@code null}), a page at a time. */
public record AttachmentQuery(AttachmentKind kind, PageRequest page) {
    public static AttachmentQuery all() {
        return new AttachmentQuery(null, PageRequest.first());
    }

    public AttachmentQuery kind(AttachmentKind kind) {
        return new AttachmentQuery(kind, page);
    }

    public AttachmentQuery page(int page, int perPage) {
        return new AttachmentQuery(kind, PageRequest.of(page, perPage));
    }
}
