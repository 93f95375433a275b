package org.dreamdiary.adapter.http.planning;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.dreamdiary.adapter.http.attachment.AttachmentResource;
import org.dreamdiary.adapter.http.json.Choices;
import org.dreamdiary.adapter.http.routing.ResourcePaths;
import org.dreamdiary.application.planning.DreamView;
import org.dreamdiary.application.planning.GoalView;
import org.dreamdiary.application.planning.TaskView;
import org.dreamdiary.domain.planning.Goal;
import org.dreamdiary.domain.planning.Task;

/** The JSON shapes of dreams, goals and tasks. Dreams and tasks show the attachments they hold. */
public final class PlanningResources {
    private PlanningResources() {
    }

    public record DreamLinks(String self, String goals) {
    }

    public record DreamResource(String id, String name, String description, String status, long goalCount,
                                 List<AttachmentResource> attachments,
                         Instant createdAt, Instant updatedAt, @JsonProperty("_links") DreamLinks links) {
        public static DreamResource of(DreamView view) {
            var dream = view.dream();
            String self = ResourcePaths.DREAMS + dream.id();
            return new DreamResource(dream.id().toString(), dream.name().value(),
                    dream.description() == null ? null : dream.description().value(), Choices.word(view.status()),
                    view.goalCount(), AttachmentResource.all(dream.attachments()), dream.createdAt(), dream.updatedAt(),
                    new DreamLinks(self, self + "/goals"));
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
            String self = ResourcePaths.GOALS + goal.id();
            String dream = goal.dream() == null ? null : goal.dream().toString();
            return new GoalResource(goal.id().toString(), goal.name().value(),
                    goal.description() == null ? null : goal.description().value(), dream, goal.dueDate(),
                    Choices.word(goal.status()),
                    new ProgressResource(view.progress().done(), view.progress().total(), view.progress().percent()),
                    goal.createdAt(), goal.updatedAt(),
                    new GoalLinks(self, self + "/tasks", dream == null ? null : ResourcePaths.DREAMS + dream));
        }
    }

    public record TaskLinks(String self, String goal) {
    }

    public record TaskResource(String id, String goalId, String text, String notes, LocalDate dueDate, boolean done,
                        Instant completedAt, boolean overdue, int position, List<AttachmentResource> attachments, Instant createdAt,
                        Instant updatedAt, @JsonProperty("_links") TaskLinks links) {
        public static TaskResource of(TaskView view) {
            Task task = view.task();
            return new TaskResource(task.id().toString(), task.goal().toString(), task.text().value(),
                    task.notes() == null ? null : task.notes().value(), task.dueDate(), task.done(), task.completedAt(),
                    view.overdue(), task.position(), AttachmentResource.all(task.attachments()), task.createdAt(),
                    task.updatedAt(), new TaskLinks(ResourcePaths.TASKS + task.id(), ResourcePaths.GOALS + task.goal()));
        }
    }
}
