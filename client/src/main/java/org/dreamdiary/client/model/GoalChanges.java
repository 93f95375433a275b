package org.dreamdiary.client.model;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A change to a goal: each field is left unchanged, cleared or set (see {@link Field}). The name and the status
 * cannot be cleared; setting the dream moves the goal to another of the user's dreams, clearing it detaches the goal.
 */
public record GoalChanges(Field<String> name, Field<String> description, Field<LocalDate> dueDate,
                          Field<GoalStatus> status, Field<UUID> dreamId) {
    /** Changes nothing yet; add the fields to change. */
    public static GoalChanges none() {
        return new GoalChanges(Field.unchanged(), Field.unchanged(), Field.unchanged(), Field.unchanged(),
                Field.unchanged());
    }

    public GoalChanges name(String name) {
        return new GoalChanges(Field.set(name), description, dueDate, status, dreamId);
    }

    public GoalChanges description(Field<String> description) {
        return new GoalChanges(name, description, dueDate, status, dreamId);
    }

    public GoalChanges dueDate(Field<LocalDate> dueDate) {
        return new GoalChanges(name, description, dueDate, status, dreamId);
    }

    /** Sets the status by hand: abandoning a goal, or taking it up again. */
    public GoalChanges status(GoalStatus status) {
        return new GoalChanges(name, description, dueDate, Field.set(status), dreamId);
    }

    public GoalChanges dreamId(Field<UUID> dreamId) {
        return new GoalChanges(name, description, dueDate, status, dreamId);
    }
}
