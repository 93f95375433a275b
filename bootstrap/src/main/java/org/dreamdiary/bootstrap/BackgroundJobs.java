package org.dreamdiary.bootstrap;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The service's periodic work (sharing request counts, purging what expired), on one daemon thread. */
final class BackgroundJobs implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundJobs.class);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "background-jobs");
        thread.setDaemon(true);
        return thread;
    });

    /** Runs {@code job} every {@code period}, the first time after {@code delay}; a failing run does not stop the next. */
    void every(Duration period, Duration delay, String name, Runnable job) {
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                job.run();
            } catch (RuntimeException e) {
                LOG.warn("background job {} failed; it runs again in {}", name, period, e);
            }
        }, delay.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops scheduling and waits briefly for a run in progress. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
