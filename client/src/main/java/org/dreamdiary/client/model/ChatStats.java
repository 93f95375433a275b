package org.dreamdiary.client.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Counts of a chat's messages within the days asked for: in all, the first and last message's times ({@code null}
 * when there is none), per UTC day with a message (ascending), and per author (most messages first, ties by id).
 */
public record ChatStats(long messageCount, Instant firstMessageAt, Instant lastMessageAt, List<DayCount> perDay,
                        List<AuthorCount> perAuthor) {
    public ChatStats {
        perDay = List.copyOf(perDay);
        perAuthor = List.copyOf(perAuthor);
    }

    /** The messages posted on one day (UTC). */
    public record DayCount(LocalDate date, long count) {
    }

    /** The messages of one author; {@code userId} is {@code null} for the authors who deleted their accounts. */
    public record AuthorCount(UUID userId, long count) {
    }
}
