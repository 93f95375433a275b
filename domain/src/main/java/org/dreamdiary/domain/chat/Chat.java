package org.dreamdiary.domain.chat;

import java.time.Instant;
import java.util.Objects;
import org.dreamdiary.domain.user.UserId;

/** A conversation; its creator owns it and is always one of its members. */
public record Chat(ChatId id, UserId owner, ChatTitle title, Instant createdAt, Instant updatedAt, long version) {
    public Chat {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public static Chat create(ChatId id, UserId owner, ChatTitle title, Instant now) {
        return new Chat(id, owner, title, now, now, 1);
    }

    public Chat retitle(ChatTitle newTitle, Instant now) {
        return new Chat(id, owner, newTitle, createdAt, now, version + 1);
    }

    /** The caller's role, given whether the caller is a member. */
    public ChatRole roleOf(UserId user, boolean member) {
        if (user.equals(owner)) {
            return ChatRole.OWNER;
        }
        return member ? ChatRole.MEMBER : ChatRole.OUTSIDER;
    }
}
