package org.dreamdiary.domain.planning;

import java.util.Objects;
import java.util.UUID;

public record TaskId(UUID value) {
    public TaskId {
        Objects.requireNonNull(value, "id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
