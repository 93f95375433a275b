package org.dreamdiary.domain.user;

import java.util.Objects;
import java.util.UUID;

/** One login: every token pair issued from it, and its refreshes, belong to it and die with it. */
public record SessionId(UUID value) {
    public SessionId {
        Objects.requireNonNull(value, "session id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
