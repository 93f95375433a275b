package org.dreamdiary.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * Something the user sets out to do, possibly formed from a dream ({@code dreamId}, {@code null} when it has none or
 * the dream was deleted). Its {@code progress} follows from its tasks, and so, unless abandoned, does its status.
 * The links are {@code self}, {@code tasks} and {@code dream} ({@code null} without a dream).
 */
public record Goal(UUID id, String name, String description, UUID dreamId, LocalDate dueDate, GoalStatus status,
                   Progress progress, Instant createdAt, Instant updatedAt,
                   @JsonProperty("_links") Map<String, String> links) {
    public Goal {
        links = Links.copy(links);
    }
}
