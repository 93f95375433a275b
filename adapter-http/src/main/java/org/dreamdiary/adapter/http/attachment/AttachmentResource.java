package org.dreamdiary.adapter.http.attachment;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import org.dreamdiary.adapter.http.json.Choices;
import org.dreamdiary.adapter.http.routing.ResourcePaths;
import org.dreamdiary.domain.attachment.Attachment;
import org.dreamdiary.domain.attachment.StoredFile;

/**
 * An attachment as JSON (API.md §5), on its own and inside the dreams, tasks and diary entries that hold it.
 * A link has no content: its {@code content_url} and {@code _links.content} are null.
 */
public record AttachmentResource(String id, String kind, String contentType, Long sizeBytes, String sha256, Integer width,
                                 Integer height, String filename, String url, String contentUrl, Instant createdAt,
                                 @JsonProperty("_links") Links links) {
    public record Links(String self, String content) {
    }

    public static AttachmentResource of(Attachment attachment) {
        String self = ResourcePaths.ATTACHMENTS + attachment.id();
        String content = attachment.hasContent() ? ResourcePaths.attachmentContent(attachment.id()) : null;
        StoredFile file = attachment.file();
        return new AttachmentResource(attachment.id().toString(), Choices.word(attachment.kind()),
                file == null ? null : file.format().mediaType(),
                file == null ? null : file.sizeBytes(),
                file == null ? null : file.sha256().hex(),
                file == null || file.imageSize() == null ? null : file.imageSize().width(),
                file == null || file.imageSize() == null ? null : file.imageSize().height(),
                file == null || file.name() == null ? null : file.name().value(),
                attachment.link() == null ? null : attachment.link().value(),
                content, attachment.createdAt(), new Links(self, content));
    }

    public static List<AttachmentResource> all(List<Attachment> attachments) {
        return attachments.stream().map(AttachmentResource::of).toList();
    }
}
