package org.dreamdiary.adapter.http.planning;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dreamdiary.adapter.http.attachment.AttachmentResource;
import org.dreamdiary.application.port.in.diary.DiaryStatistics.Stats;
import org.dreamdiary.application.planning.DreamView;
import org.dreamdiary.application.planning.GoalView;
import org.dreamdiary.domain.diary.DiaryEntry;
import org.dreamdiary.domain.planning.DreamStatus;
import org.dreamdiary.domain.planning.Goal;
import org.dreamdiary.domain.planning.GoalId;
import org.dreamdiary.domain.planning.GoalStatus;
import org.dreamdiary.domain.planning.Task;

/** The JSON shapes of dreams, goals, tasks and diary entries. */
public final class PlanningResources {
    static final String DREAMS = "/api/v1/dreams/";
    static final String GOALS = "/api/v1/goals/";
    static final String TASKS = "/api/v1/tasks/";
    static final String DIARY = "/api/v1/diary/";

    static final Map<String, DreamStatus> DREAM_STATUSES = words(DreamStatus.values());
    static final Map<String, GoalStatus> GOAL_STATUSES = words(GoalStatus.values());

    private PlanningResources() {
    }

    private static <E extends Enum<E>> Map<String, E> words(E[] values) {
        return Stream.of(values).collect(Collectors.toUnmodifiableMap(value -> word(value), value -> value));
    }

    static String word(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    public record DreamLinks(String self, String goals) {
    }

    public record DreamResource(String id, String name, String description, String status, long goalCount,
                                 List<AttachmentResource> attachments,
                         Instant createdAt, Instant updatedAt, @JsonProperty("_links") DreamLinks links) {
        public static DreamResource of(DreamView view) {
            var dream = view.dream();
            String self = DREAMS + dream.id();
            return new DreamResource(dream.id().toString(), dream.name().value(),
                    dream.description() == null ? null : dream.description().value(), word(view.status()), view.goalCount(),
                    AttachmentResource.all(dream.attachments()), dream.createdAt(), dream.updatedAt(), new DreamLinks(self, self + "/goals"));
        }
    }

    public record ProgressResource(long done, long total, int percent) {
    }

    public record GoalLinks(String self, String tasks, String dream) {
    }

    public record GoalResource(String id, String name, String description, String dreamId, LocalDate dueDate, String status,
                        ProgressResource progress, Instant createdAt, Instant updatedAt, @JsonProperty("_links") GoalLinks links) {
        public static GoalResource of(GoalView view) {
            Goal goal = view.goal();
            String self = GOALS + goal.id();
            String dream = goal.dream() == null ? null : goal.dream().toString();
            return new GoalResource(goal.id().toString(), goal.name().value(),
                    goal.description() == null ? null : goal.description().value(), dream, goal.dueDate(), word(goal.status()),
                    new ProgressResource(view.progress().done(), view.progress().total(), view.progress().percent()),
                    goal.createdAt(), goal.updatedAt(), new GoalLinks(self, self + "/tasks", dream == null ? null : DREAMS + dream));
        }
    }

    public record TaskLinks(String self, String goal) {
    }

    public record TaskResource(String id, String goalId, String text, String notes, LocalDate dueDate, boolean done,
                        Instant completedAt, boolean overdue, int position, List<AttachmentResource> attachments, Instant createdAt,
                        Instant updatedAt, @JsonProperty("_links") TaskLinks links) {
        public static TaskResource of(Task task) {
            return new TaskResource(task.id().toString(), task.goal().toString(), task.text().value(),
                    task.notes() == null ? null : task.notes().value(), task.dueDate(), task.done(), task.completedAt(),
                    task.overdue(LocalDate.now(ZoneOffset.UTC)), task.position(), AttachmentResource.all(task.attachments()), task.createdAt(),
                    task.updatedAt(), new TaskLinks(TASKS + task.id(), GOALS + task.goal()));
        }
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
                    AttachmentResource.all(entry.attachments()), entry.createdAt(), entry.updatedAt(), new SelfLink(DIARY + entry.id()));
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
