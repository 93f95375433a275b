package org.dreamdiary.domain.planning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.dreamdiary.domain.user.UserId;

/** A goal, maybe formed from a dream ({@code dream} may be null), broken into tasks. A new goal is active. */
public record Goal(GoalId id, UserId owner, DreamId dream, Name name, Description description, LocalDate dueDate,
                   GoalStatus status, Instant createdAt, Instant updatedAt, long version) {
    public Goal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public static Goal create(GoalId id, UserId owner, DreamId dream, Name name, Description description, LocalDate dueDate,
                              Instant now) {
        return new Goal(id, owner, dream, name, description, dueDate, GoalStatus.ACTIVE, now, now, 1);
    }

    /** The user's own edit; the status may be set to anything, which is how an abandoned goal comes back. */
    public Goal edit(DreamId newDream, Name newName, Description newDescription, LocalDate newDueDate, GoalStatus newStatus,
                     Instant now) {
        return new Goal(id, owner, newDream, newName, newDescription, newDueDate, newStatus, createdAt, now, version + 1);
    }

    /** The goal after a change to its tasks, by {@link GoalRules}; the same goal when nothing moves. */
    public Goal afterTaskChange(TaskChange change, long openTasksAfter, Instant now) {
        GoalStatus next = GoalRules.afterTaskChange(status, change, openTasksAfter);
        return next == status ? this : new Goal(id, owner, dream, name, description, dueDate, next, createdAt, now, version + 1);
    }
}
