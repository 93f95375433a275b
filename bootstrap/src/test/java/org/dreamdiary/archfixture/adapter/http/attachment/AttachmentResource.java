package org.dreamdiary.archfixture.adapter.http.attachment;

/** A room's representation: other rooms may show it inside theirs. */
public record AttachmentResource(String id) {
}
