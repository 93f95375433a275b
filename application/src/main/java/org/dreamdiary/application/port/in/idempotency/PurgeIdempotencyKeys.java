package org.dreamdiary.application.port.in.idempotency;

/** Forgets the idempotency keys older than the 24 hours during which they are honoured; run on a schedule. */
public interface PurgeIdempotencyKeys {
    /** Returns how many keys were forgotten. */
    int purgeExpired();
}
