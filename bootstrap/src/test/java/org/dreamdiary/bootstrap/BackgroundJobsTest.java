package org.dreamdiary.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BackgroundJobsTest {

    @Test
    void givenAJobThatFailsOnce_whenScheduled_thenItRunsAgainAndAgainUntilClosed() throws InterruptedException {
        Semaphore runs = new Semaphore(0);
        AtomicInteger calls = new AtomicInteger();
        try (BackgroundJobs jobs = new BackgroundJobs()) {
            jobs.every(Duration.ofMillis(20), Duration.ZERO, "test job", () -> {
                runs.release();
                if (calls.incrementAndGet() == 1) {
                    throw new IllegalStateException("the database is away");
                }
            });
            assertThat(runs.tryAcquire(3, 10, TimeUnit.SECONDS)).as("three runs, the first one failing").isTrue();
        }
        runs.drainPermits();
        assertThat(runs.tryAcquire(1, 200, TimeUnit.MILLISECONDS)).as("no run after closing").isFalse();
    }
}
