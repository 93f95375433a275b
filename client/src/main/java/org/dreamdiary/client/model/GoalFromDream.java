package org.dreamdiary.client.model;

import java.time.LocalDate;

/**
 * A goal to form from a dream: its name (1–200 characters; {@code null} takes the dream's), optionally a
 * description and a due date.
 */
public record GoalFromDream(String name, String description, LocalDate dueDate) {
    /** Named as the dream, without description or due date. */
    public static GoalFromDream asDreamed() {
        return new GoalFromDream(null, null, null);
    }

    public GoalFromDream withName(String name) {
        return new GoalFromDream(name, description, dueDate);
    }

    public GoalFromDream withDescription(String description) {
        return new GoalFromDream(name, description, dueDate);
    }

    public GoalFromDream withDueDate(LocalDate dueDate) {
        return new GoalFromDream(name, description, dueDate);
    }
}
