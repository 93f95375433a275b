package org.dreamdiary.domain.diary;

import java.util.Objects;
import java.util.UUID;

public record DiaryEntryId(UUID value) {
    public DiaryEntryId {
        Objects.requireNonNull(value, "id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
