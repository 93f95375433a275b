package org.dreamdiary.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The breaker's states on a clock the test moves by hand. */
class DatabaseAvailabilityTest {
    private static final Duration PROBE_EVERY = Duration.ofSeconds(1);

    private final AtomicLong now = new AtomicLong(42);
    private final DatabaseAvailability availability = new DatabaseAvailability(now::get, PROBE_EVERY);

    private void advance(Duration by) {
        now.addAndGet(by.toNanos());
    }

    @Test
    void givenUp_whenAskingForAProbe_thenNoneIsDue() {
        assertThat(availability.up()).isTrue();
        assertThat(availability.claimProbe()).isFalse();
    }

    @Test
    void givenUp_whenTwoRequestsReportTheDatabaseUnreachable_thenItIsDownAndOnlyTheFirstReportTurnedIt() {
        assertThat(availability.unreachable()).isTrue();
        assertThat(availability.unreachable()).isFalse();
        assertThat(availability.up()).isFalse();
    }

    @Test
    void givenJustDown_whenRequestsAskForAProbe_thenTheFirstGetsOneAtOnceAndNoOtherWhileItRuns() {
        availability.unreachable();
        assertThat(availability.claimProbe()).isTrue();
        advance(PROBE_EVERY.multipliedBy(5));
        assertThat(availability.claimProbe()).isFalse();
    }

    @Test
    void givenAProbeFailed_whenLessThanTheIntervalHasPassed_thenNoProbeUntilItHas() {
        availability.unreachable();
        availability.claimProbe();
        assertThat(availability.probed(false)).isEmpty();

        advance(PROBE_EVERY.minusMillis(1));
        assertThat(availability.claimProbe()).isFalse();
        advance(Duration.ofMillis(1));
        assertThat(availability.claimProbe()).isTrue();
        assertThat(availability.up()).isFalse();
    }

    @Test
    void givenDown_whenAProbeReachesTheDatabase_thenItIsUpAndTheOutageLengthIsTold() {
        availability.unreachable();
        availability.claimProbe();
        availability.probed(false);
        advance(Duration.ofMillis(2_500));
        assertThat(availability.claimProbe()).isTrue();

        assertThat(availability.probed(true)).contains(Duration.ofMillis(2_500));
        assertThat(availability.up()).isTrue();
        assertThat(availability.claimProbe()).isFalse();
    }

    @Test
    void givenUpAgain_whenTheDatabaseIsLostOnceMore_thenTheNextOutageProbesAtOnce() {
        availability.unreachable();
        availability.claimProbe();
        availability.probed(true);

        assertThat(availability.unreachable()).isTrue();
        assertThat(availability.claimProbe()).isTrue();
    }
}
