package org.dreamdiary.client.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.dreamdiary.client.call.RetryPolicy;

/** The waits between the sends of one call under a {@link RetryPolicy}: exponential, full jitter, within budget. */
final class Backoff {
    private final RetryPolicy policy;
    private final long deadlineNanos;
    private int sends = 1;

    Backoff(RetryPolicy policy) {
        this.policy = policy;
        this.deadlineNanos = System.nanoTime() + policy.budget().toNanos();
    }

    /**
     * The wait before the next send, at least {@code serviceAsked}; empty when the call must give up: out of sends,
     * or the wait would end past the budget.
     */
    Optional<Duration> next(Optional<Duration> serviceAsked) {
        if (sends >= policy.maxAttempts()) {
            return Optional.empty();
        }
        long ceiling = Math.min(policy.maxBackoff().toNanos(),
                policy.firstBackoff().toNanos() << Math.min(sends - 1, 30));
        long jittered = ceiling <= 0 ? 0 : ThreadLocalRandom.current().nextLong(ceiling + 1);
        long wait = Math.max(jittered, serviceAsked.map(Duration::toNanos).orElse(0L));
        if (System.nanoTime() + wait > deadlineNanos) {
            return Optional.empty();
        }
        sends++;
        return Optional.of(Duration.ofNanos(wait));
    }
}
