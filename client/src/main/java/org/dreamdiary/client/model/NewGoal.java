package org.dreamdiary.client.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * A goal to set: a name (1–200 characters), optionally a description, a due date and one of the user's dreams it
 * serves. To form a goal from a dream, {@link GoalFromDream} is shorter.
 */
public record NewGoal(String name, String description, LocalDate dueDate, UUID dreamId) {
    public NewGoal {
        Objects.requireNonNull(name, "name");
    }

    public static NewGoal named(String name) {
        return new NewGoal(name, null, null, null);
    }

    public NewGoal withDescription(String description) {
        return new NewGoal(name, description, dueDate, dreamId);
    }

    public NewGoal withDueDate(LocalDate dueDate) {
        return new NewGoal(name, description, dueDate, dreamId);
    }

    public NewGoal withDream(UUID dreamId) {
        return new NewGoal(name, description, dueDate, dreamId);
    }
}
