package org.dreamdiary.adapter.http.diary;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.dreamdiary.adapter.http.attachment.AttachmentResource;
import org.dreamdiary.adapter.http.routing.ResourcePaths;
import org.dreamdiary.application.port.in.diary.DiaryStatistics.Stats;
import org.dreamdiary.domain.diary.DiaryEntry;
import org.dreamdiary.domain.planning.GoalId;

/** The JSON shapes of diary entries and the diary's statistics. An entry shows the attachments it holds. */
public final class DiaryResources {
    private DiaryResources() {
    }

    public record SelfLink(String self) {
    }

    public record DiaryEntryResource(String id, LocalDate entryDate, String title, String text, Integer mood, List<String> goalIds,
                              List<AttachmentResource> attachments, Instant createdAt, Instant updatedAt,
                              @JsonProperty("_links") SelfLink links) {
        public static DiaryEntryResource of(DiaryEntry entry) {
            return new DiaryEntryResource(entry.id().toString(), entry.entryDate(),
                    entry.title() == null ? null : entry.title().value(), entry.text().value(),
                    entry.mood() == null ? null : entry.mood().value(), entry.goals().stream().map(GoalId::toString).toList(),
                    AttachmentResource.all(entry.attachments()), entry.createdAt(), entry.updatedAt(),
                    new SelfLink(ResourcePaths.DIARY + entry.id()));
        }
    }

    record MonthResource(String month, long count) {
    }

    record DiaryStatsResource(long totalEntries, int currentStreakDays, int longestStreakDays,
                              List<MonthResource> entriesPerMonth, Double averageMood) {
        static DiaryStatsResource of(Stats stats) {
            return new DiaryStatsResource(stats.totalEntries(), stats.currentStreakDays(), stats.longestStreakDays(),
                    stats.entriesPerMonth().stream().map(m -> new MonthResource(m.month().toString(), m.count())).toList(),
                    stats.averageMood().isPresent() ? Math.round(stats.averageMood().getAsDouble() * 100) / 100.0 : null);
        }
    }
}
