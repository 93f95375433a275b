package org.dreamdiary.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Something the user wishes for. Its {@code status} and {@code goalCount} follow from the goals formed from it. */
public record Dream(UUID id, String name, String description, DreamStatus status, int goalCount,
                    List<Attachment> attachments, Instant createdAt, Instant updatedAt,
                    @JsonProperty("_links") Map<String, String> links) {
    public Dream {
        attachments = List.copyOf(attachments);
        links = Links.copy(links);
    }
}
