package org.dreamdiary.client.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Spaces the client's sends at most {@code perSecond} a second (retries included): each send reserves the next free
 * slot and waits for it, without a thread sleeping.
 */
final class Throttle {
    private final long intervalNanos;
    private long nextFreeNanos = System.nanoTime();

    private Throttle(long intervalNanos) {
        this.intervalNanos = intervalNanos;
    }

    static Throttle perSecond(double perSecond) {
        if (perSecond == Double.POSITIVE_INFINITY) {
            return new Throttle(0);
        }
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("requests a second must be positive, got " + perSecond);
        }
        return new Throttle((long) (1_000_000_000L / perSecond));
    }

    /** Completes when this send's slot comes. */
    CompletableFuture<Void> acquire() {
        long wait = reserve();
        return wait == 0 ? CompletableFuture.completedFuture(null)
                : CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(wait, TimeUnit.NANOSECONDS));
    }

    private synchronized long reserve() {
        if (intervalNanos == 0) {
            return 0;
        }
        long now = System.nanoTime();
        long slot = Math.max(now, nextFreeNanos);
        nextFreeNanos = slot + intervalNanos;
        return slot - now;
    }
}
