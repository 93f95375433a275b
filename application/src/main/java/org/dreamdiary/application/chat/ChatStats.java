package org.dreamdiary.application.chat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.dreamdiary.domain.user.UserId;

/**
 * Counts of a chat's messages over a period, computed by the database. {@code perDay} runs by date (UTC);
 * {@code perAuthor} runs from the most messages down, and a null author stands for departed accounts.
 */
public record ChatStats(long messageCount, Instant firstMessageAt, Instant lastMessageAt, List<DayCount> perDay,
                        List<AuthorCount> perAuthor) {
    public ChatStats {
        perDay = List.copyOf(perDay);
        perAuthor = List.copyOf(perAuthor);
    }

    public record DayCount(LocalDate date, long count) {
    }

    public record AuthorCount(UserId author, long count) {
    }
}
