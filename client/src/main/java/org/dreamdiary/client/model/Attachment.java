package org.dreamdiary.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A photo, video or file the user uploaded, or a link. {@code width} and {@code height} are set for images only,
 * {@code url} for links only; a link has no content ({@code contentUrl} is {@code null}).
 */
public record Attachment(UUID id, AttachmentKind kind, String contentType, Long sizeBytes, String sha256,
                         Integer width, Integer height, String filename, String url, String contentUrl,
                         Instant createdAt, @JsonProperty("_links") Map<String, String> links) {
    public Attachment {
        links = Links.copy(links);
    }
}
