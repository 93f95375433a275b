package org.dreamdiary.bootstrap;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a purge of expired rows every so often, on a daemon thread of its own. A failed run (the database away)
 * is logged and the next one tries again; rows a run misses stay harmless until then.
 */
final class PurgeSchedule implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PurgeSchedule.class);

    private final ScheduledExecutorService timer;

    /** Purges {@code what} with {@code purge} (which returns how many rows went) every {@code every}, the first time after one period. */
    PurgeSchedule(String what, Duration every, IntSupplier purge) {
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "purge-" + what.replace(' ', '-'));
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                int purged = purge.getAsInt();
                if (purged > 0) {
                    LOG.info("purged {} {}", purged, what);
                }
            } catch (RuntimeException e) {
                LOG.warn("purging {} failed; trying again in {}", what, every, e);
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
