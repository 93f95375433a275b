package org.dreamdiary.domain.planning;

import java.util.Objects;
import java.util.UUID;

public record GoalId(UUID value) {
    public GoalId {
        Objects.requireNonNull(value, "id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
