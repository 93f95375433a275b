package org.dreamdiary.domain.chat;

import java.util.Objects;
import java.util.UUID;

public record ChatId(UUID value) {
    public ChatId {
        Objects.requireNonNull(value, "id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
