package org.dreamdiary.client.model;

import java.util.Objects;
import java.util.UUID;

/**
 * Where a page of a chat's messages starts and which way it runs. Messages page by position, not by number, because
 * new ones arrive while a client pages: {@link #latest()} and {@link #olderThan(UUID)} run newest first,
 * {@link #newerThan(UUID)} oldest first. The position may name a message deleted since. {@code limit} is the page
 * size, 1 to 100 ({@code null}: the service's 50).
 */
public record MessageCursor(UUID before, UUID after, Integer limit) {
    /** The latest messages, newest first. */
    public static MessageCursor latest() {
        return new MessageCursor(null, null, null);
    }

    /** The messages older than the message {@code before}, newest first. */
    public static MessageCursor olderThan(UUID before) {
        return new MessageCursor(Objects.requireNonNull(before, "before"), null, null);
    }

    /** The messages newer than the message {@code after}, oldest first: how a client catches up. */
    public static MessageCursor newerThan(UUID after) {
        return new MessageCursor(null, Objects.requireNonNull(after, "after"), null);
    }

    /** The same position, {@code limit} messages a page. */
    public MessageCursor limit(int limit) {
        return new MessageCursor(before, after, limit);
    }
}
