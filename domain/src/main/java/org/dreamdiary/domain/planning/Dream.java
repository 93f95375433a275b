package org.dreamdiary.domain.planning;

import java.time.Instant;
import java.util.Objects;
import org.dreamdiary.domain.user.UserId;

/** Something the user wishes for. Its status follows from its goals (see {@link DreamStatus}). */
public record Dream(DreamId id, UserId owner, Name name, Description description, Instant createdAt, Instant updatedAt,
                    long version) {
    public Dream {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public static Dream create(DreamId id, UserId owner, Name name, Description description, Instant now) {
        return new Dream(id, owner, name, description, now, now, 1);
    }

    public Dream edit(Name newName, Description newDescription, Instant now) {
        return new Dream(id, owner, newName, newDescription, createdAt, now, version + 1);
    }
}
