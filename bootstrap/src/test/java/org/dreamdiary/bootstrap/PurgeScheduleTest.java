package org.dreamdiary.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PurgeScheduleTest {

    @Test
    void givenAPurgeThatFailsOnce_whenScheduled_thenItRunsAgainAndAgainUntilClosed() throws InterruptedException {
        Semaphore runs = new Semaphore(0);
        int[] calls = {0};
        try (PurgeSchedule schedule = new PurgeSchedule("test rows", Duration.ofMillis(20), () -> {
            runs.release();
            if (++calls[0] == 1) {
                throw new IllegalStateException("the database is away");
            }
            return 3;
        })) {
            assertThat(runs.tryAcquire(3, 10, TimeUnit.SECONDS)).as("three runs, the first one failing").isTrue();
        }
        runs.drainPermits();
        assertThat(runs.tryAcquire(1, 200, TimeUnit.MILLISECONDS)).as("no run after closing").isFalse();
    }
}
