package org.dreamdiary.domain.planning;

import org.dreamdiary.domain.error.InvalidValueException;

/** How many of a goal's tasks are done; {@code percent} is rounded half up, and 0 without tasks. */
public record Progress(long done, long total) {
    public Progress {
        if (done < 0 || total < 0 || done > total) {
            throw new InvalidValueException("progress must have 0 <= done <= total");
        }
    }

    public int percent() {
        if (total == 0) {
            return 0;
        }
        // half up in integers: floor((200 * done + total) / (2 * total))
        return (int) ((200 * done + total) / (2 * total));
    }
}
