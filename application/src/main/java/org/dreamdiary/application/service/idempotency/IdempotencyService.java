package org.dreamdiary.application.service.idempotency;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.dreamdiary.application.idempotency.IdempotencyKey;
import org.dreamdiary.application.idempotency.RecordedResponse;
import org.dreamdiary.application.port.in.idempotency.PurgeIdempotencyKeys;
import org.dreamdiary.application.port.in.idempotency.RunIdempotently;
import org.dreamdiary.application.port.out.Clock;
import org.dreamdiary.application.port.out.Transactions;
import org.dreamdiary.application.port.out.idempotency.IdempotencyRecords;
import org.dreamdiary.application.port.out.idempotency.IdempotencyRecords.IdempotencyRecord;
import org.dreamdiary.domain.error.ConflictException;
import org.dreamdiary.domain.error.ValidationException;
import org.dreamdiary.domain.user.UserId;

/**
 * Idempotency keys. One transaction holds the key's lock, looks for its record, runs the work (whose own use case
 * joins this transaction) and records the response: the record and what the work wrote commit together. The lock
 * is released only after the commit is visible, so the next holder of the lock finds the record.
 */
public final class IdempotencyService implements RunIdempotently, PurgeIdempotencyKeys {
    /** How long a key is honoured after its first successful use. */
    private static final Duration KEPT_FOR = Duration.ofHours(24);

    private final IdempotencyRecords records;
    private final Transactions transactions;
    private final Clock clock;

    public IdempotencyService(IdempotencyRecords records, Transactions transactions, Clock clock) {
        this.records = records;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Outcome run(UserId caller, IdempotencyKey key, byte[] requestHash, Supplier<RecordedResponse> work) {
        return transactions.inTransaction(() -> {
            if (!records.tryLock(caller, key)) {
                throw new ConflictException("a request with this Idempotency-Key is still in progress; retry it later");
            }
            Instant now = clock.now();
            Optional<IdempotencyRecord> earlier = records.find(caller, key, now.minus(KEPT_FOR));
            if (earlier.isPresent()) {
                if (!earlier.get().isFor(requestHash)) {
                    throw ValidationException.of("Idempotency-Key",
                            "was already used for a different request; use a new key for a new request");
                }
                return new Outcome(earlier.get().response(), true);
            }
            RecordedResponse response = work.get();
            if (response.successful()) {
                records.save(caller, key, new IdempotencyRecord(requestHash, response, now));
            }
            return new Outcome(response, false);
        });
    }

    @Override
    public int purgeExpired(Instant now, int max) {
        return transactions.inTransaction(() -> records.deleteMadeBefore(now.minus(KEPT_FOR), max));
    }
}
