package org.dreamdiary.application.port.in.idempotency;

import java.time.Instant;

/** Forgets the idempotency keys older than the 24 hours during which they are honoured; run on a schedule. */
public interface PurgeIdempotencyKeys {
    /** Forgets at most {@code max} of the keys expired by {@code now}; returns how many went. */
    int purgeExpired(Instant now, int max);
}
