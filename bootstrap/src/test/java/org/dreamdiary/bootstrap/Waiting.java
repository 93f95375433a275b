package org.dreamdiary.bootstrap;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Bounded waiting for something that happens on another thread or node. */
final class Waiting {
    private static final long STEP_MILLIS = 20;

    private Waiting() {
    }

    /** Returns as soon as {@code condition} holds; fails with {@code what} when it still does not after {@code timeout}. */
    static void until(Duration timeout, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout.toMillis() + " ms: " + what);
            }
            try {
                Thread.sleep(STEP_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for: " + what, e);
            }
        }
    }
}
