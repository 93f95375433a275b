package org.dreamdiary.client.model;

import java.util.Objects;
import java.util.UUID;

/** The user to add to a chat: what the members group sends. */
public record NewMember(UUID userId) {
    public NewMember {
        Objects.requireNonNull(userId, "userId");
    }
}
