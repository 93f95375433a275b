package org.dreamdiary.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A step of a goal, at its {@code position} (from 1) among the goal's tasks. {@code completedAt} is set while it is
 * done; {@code overdue} says it is open and its due date is before today (UTC). The links are {@code self} and
 * {@code goal}.
 */
public record Task(UUID id, UUID goalId, String text, String notes, LocalDate dueDate, boolean done,
                   Instant completedAt, boolean overdue, int position, List<Attachment> attachments,
                   Instant createdAt, Instant updatedAt, @JsonProperty("_links") Map<String, String> links) {
    public Task {
        attachments = List.copyOf(attachments);
        links = Links.copy(links);
    }
}
