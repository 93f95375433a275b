package org.dreamdiary.adapter.persistence;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Whether the database is thought reachable: a small circuit breaker. Up, every request goes to the database. A
 * lost connection turns it down; while down, requests are refused at once instead of each waiting for the pool,
 * and one probe at a time may try the database: the first at once, then one every {@code probeEvery}. The first
 * probe that reaches the database turns it up again.
 */
final class DatabaseAvailability {
    private final LongSupplier nanoTime;
    private final long probeEveryNanos;
    private volatile boolean down;
    private boolean probing;
    private long nextProbeAt;
    private long downSince;

    DatabaseAvailability(LongSupplier nanoTime, Duration probeEvery) {
        this.nanoTime = nanoTime;
        this.probeEveryNanos = probeEvery.toNanos();
    }

    boolean up() {
        return !down;
    }

    /** The database could not be reached; true when this report is the one that turned it down. */
    synchronized boolean unreachable() {
        if (down) {
            return false;
        }
        down = true;
        downSince = nanoTime.getAsLong();
        nextProbeAt = downSince;
        return true;
    }

    /** True for one caller at a time, while the database is down and a probe is due; that caller must report back. */
    synchronized boolean claimProbe() {
        if (!down || probing || nanoTime.getAsLong() - nextProbeAt < 0) {
            return false;
        }
        probing = true;
        return true;
    }

    /**
     * What the claimed probe found. Reached, the database is up again, and the answer is how long it was down;
     * otherwise the next probe is due {@code probeEvery} from now.
     */
    synchronized Optional<Duration> probed(boolean reached) {
        probing = false;
        long now = nanoTime.getAsLong();
        if (!reached) {
            nextProbeAt = now + probeEveryNanos;
            return Optional.empty();
        }
        down = false;
        return Optional.of(Duration.ofNanos(now - downSince));
    }
}
