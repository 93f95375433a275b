package org.dreamdiary.application.chat;

import java.util.Objects;
import org.dreamdiary.domain.chat.MessageId;
import org.dreamdiary.domain.error.InvalidValueException;

/**
 * Where a page of messages starts and which way it runs. Messages are ordered by id, and ids of one chat grow in
 * the order their messages were committed, so a position stays valid even when the message at it is deleted.
 */
public record MessageCursor(Direction direction, MessageId from, int limit) {
    public static final int MAX_LIMIT = 100;

    public enum Direction {
        /** the newest messages, newest first */
        LATEST,
        /** messages older than {@code from}, newest first */
        BEFORE,
        /** messages newer than {@code from}, oldest first */
        AFTER
    }

    public MessageCursor {
        Objects.requireNonNull(direction, "direction");
        if ((direction == Direction.LATEST) != (from == null)) {
            throw new IllegalArgumentException("only LATEST runs without a starting message");
        }
        checkedLimit(limit);
    }

    /** How many messages a read may return: 1 to {@link #MAX_LIMIT}. */
    public static int checkedLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidValueException("limit must be 1 to " + MAX_LIMIT);
        }
        return limit;
    }

    public static MessageCursor latest(int limit) {
        return new MessageCursor(Direction.LATEST, null, limit);
    }

    public static MessageCursor before(MessageId from, int limit) {
        return new MessageCursor(Direction.BEFORE, from, limit);
    }

    public static MessageCursor after(MessageId from, int limit) {
        return new MessageCursor(Direction.AFTER, from, limit);
    }

    /** The cursor of the page that follows one ending at {@code last}, in the same direction. */
    public MessageCursor next(MessageId last) {
        return new MessageCursor(direction == Direction.AFTER ? Direction.AFTER : Direction.BEFORE, last, limit);
    }
}
