package org.dreamdiary.client.model;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A chat to start: a title (1–200 characters) and optionally up to 100 other users to add as members. Its creator
 * becomes the owner and first member (the creator's own id among {@code memberIds} is ignored).
 */
public record NewChat(String title, List<UUID> memberIds) {
    public NewChat {
        Objects.requireNonNull(title, "title");
        memberIds = memberIds == null ? null : List.copyOf(memberIds);
    }

    public static NewChat titled(String title) {
        return new NewChat(title, null);
    }

    public NewChat withMembers(List<UUID> memberIds) {
        return new NewChat(title, memberIds);
    }
}
