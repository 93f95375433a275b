package org.dreamdiary.bootstrap;

import java.time.Duration;
import java.time.Instant;

/**
 * The request limit counts in fixed windows of a whole minute: a test that needs its requests to fall in one window
 * waits for the next window when the current one has less time left than the test needs (a clock condition, so the
 * wait is bounded by {@code needed}).
 */
final class MinuteWindows {
    private MinuteWindows() {
    }

    static void awaitOneWindowFor(Duration needed) throws InterruptedException {
        long left = 60 - Instant.now().getEpochSecond() % 60;
        if (left < needed.toSeconds()) {
            Thread.sleep(Duration.ofSeconds(left).toMillis() + 200);
        }
    }
}
