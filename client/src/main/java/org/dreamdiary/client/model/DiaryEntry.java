package org.dreamdiary.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A page of the diary: what the user wrote on {@code entryDate}, with an optional title and mood (1–5), the goals it
 * is about and its attachments.
 */
public record DiaryEntry(UUID id, LocalDate entryDate, String title, String text, Integer mood, List<UUID> goalIds,
                         List<Attachment> attachments, Instant createdAt, Instant updatedAt,
                         @JsonProperty("_links") Map<String, String> links) {
    public DiaryEntry {
        goalIds = List.copyOf(goalIds);
        attachments = List.copyOf(attachments);
        links = Links.copy(links);
    }
}
