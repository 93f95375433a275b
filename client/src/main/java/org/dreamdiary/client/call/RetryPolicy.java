package org.dreamdiary.client.call;

import java.time.Duration;
import java.util.Objects;

/**
 * When a call is sent again. What is retried: an answer of {@code 429} or {@code 503} (the service did not carry the
 * request out), and a connection that failed before an answer, for {@code GET} and for every authenticated
 * {@code POST} (which carries an {@code Idempotency-Key}, so a second send is not a second create). The waits grow
 * exponentially from {@code firstBackoff} up to {@code maxBackoff}, with full jitter, and are never shorter than the
 * service's {@code Retry-After}. A call stops retrying after {@code maxAttempts} sends, or when the next wait would end
 * past {@code budget} from its first send: then the last error is thrown.
 */
public record RetryPolicy(int maxAttempts, Duration firstBackoff, Duration maxBackoff, Duration budget) {
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        Objects.requireNonNull(firstBackoff, "firstBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(budget, "budget");
    }

    /** Five sends at most, waits from 200 ms up to 5 s, all within 30 s. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    /** Every call is sent once. */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }
}
