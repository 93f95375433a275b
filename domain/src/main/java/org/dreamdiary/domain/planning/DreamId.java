package org.dreamdiary.domain.planning;

import java.util.Objects;
import java.util.UUID;

public record DreamId(UUID value) {
    public DreamId {
        Objects.requireNonNull(value, "id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
