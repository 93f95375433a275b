package org.dreamdiary.domain.planning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.dreamdiary.domain.attachment.Attachment;
import org.dreamdiary.domain.attachment.HeldAttachments;
import org.dreamdiary.domain.user.UserId;

/**
 * One step of a goal, kept in {@code position} order (1-based) within the goal, with the owner's attachments in the
 * owner's order.
 */
public record Task(TaskId id, UserId owner, GoalId goal, TaskText text, Notes notes, LocalDate dueDate, boolean done,
                   Instant completedAt, int position, List<Attachment> attachments, Instant createdAt, Instant updatedAt,
                   long version) {
    public Task {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(goal, "goal");
        Objects.requireNonNull(text, "text");
        attachments = HeldAttachments.of(owner, attachments);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (done != (completedAt != null)) {
            throw new IllegalArgumentException("a task has a completion time exactly when it is done");
        }
        if (position < 1) {
            throw new IllegalArgumentException("positions start at 1");
        }
    }

    public static Task create(TaskId id, UserId owner, GoalId goal, TaskText text, Notes notes, LocalDate dueDate,
                              int position, List<Attachment> attachments, Instant now) {
        return new Task(id, owner, goal, text, notes, dueDate, false, null, position, attachments, now, now, 1);
    }

    /** Not done and due before {@code today} (UTC). */
    public boolean overdue(LocalDate today) {
        return !done && dueDate != null && dueDate.isBefore(today);
    }

    public Task edit(TaskText newText, Notes newNotes, LocalDate newDueDate, boolean nowDone, int newPosition,
                     List<Attachment> newAttachments, Instant now) {
        Instant completed = nowDone ? (done ? completedAt : now) : null;
        return new Task(id, owner, goal, newText, newNotes, newDueDate, nowDone, completed, newPosition, newAttachments,
                createdAt, now, version + 1);
    }

    /** What this edit means to the goal: completed, reopened, or nothing the goal cares about. */
    public static Optional<TaskChange> changeBetween(Task before, Task after) {
        if (!before.done && after.done) {
            return Optional.of(TaskChange.COMPLETED);
        }
        if (before.done && !after.done) {
            return Optional.of(TaskChange.REOPENED);
        }
        return Optional.empty();
    }
}
