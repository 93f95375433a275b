package org.dreamdiary.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.dreamdiary.client.call.RetryPolicy;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void waitsAreJitteredBelowAnExponentialCeilingAndStopAfterTheLastAttempt() {
        Backoff backoff = new Backoff(new RetryPolicy(4, Duration.ofMillis(100), Duration.ofMillis(250),
                Duration.ofMinutes(1)));

        assertThat(backoff.next(Optional.empty())).hasValueSatisfying(wait ->
                assertThat(wait).isBetween(Duration.ZERO, Duration.ofMillis(100)));
        assertThat(backoff.next(Optional.empty())).hasValueSatisfying(wait ->
                assertThat(wait).isBetween(Duration.ZERO, Duration.ofMillis(200)));
        assertThat(backoff.next(Optional.empty())).hasValueSatisfying(wait ->
                assertThat(wait).as("capped").isBetween(Duration.ZERO, Duration.ofMillis(250)));
        assertThat(backoff.next(Optional.empty())).as("four sends in all").isEmpty();
    }

    @Test
    void theServicesRetryAfterIsWaitedAtLeastAndAWaitPastTheBudgetGivesUp() {
        Backoff backoff = new Backoff(new RetryPolicy(10, Duration.ofMillis(1), Duration.ofMillis(1),
                Duration.ofSeconds(5)));

        assertThat(backoff.next(Optional.of(Duration.ofSeconds(2)))).contains(Duration.ofSeconds(2));
        assertThat(backoff.next(Optional.of(Duration.ofSeconds(6)))).as("beyond the budget").isEmpty();
    }
}
