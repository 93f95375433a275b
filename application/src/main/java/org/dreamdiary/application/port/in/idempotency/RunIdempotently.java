package org.dreamdiary.application.port.in.idempotency;

import java.util.function.Supplier;
import org.dreamdiary.application.idempotency.IdempotencyKey;
import org.dreamdiary.application.idempotency.RecordedResponse;
import org.dreamdiary.domain.user.UserId;

/**
 * Runs a request at most once per caller and idempotency key (API.md §1). The work, the use case it calls and
 * the record of its response are one transaction, so a crash leaves either both or neither.
 */
public interface RunIdempotently {
    /**
     * Runs {@code work} unless this caller already succeeded with {@code key} in the last 24 hours; then the
     * response it got is given back instead, and nothing runs. Only a successful (2xx) response is recorded;
     * a failing {@code work} throws and leaves no record, so the key may be used again.
     *
     * @param requestHash a digest of the request (method, path, body): the same key with another request is
     *                    refused with a {@code ValidationException} on {@code Idempotency-Key}
     * @throws org.dreamdiary.domain.error.ConflictException while another request with the key is still running
     */
    Outcome run(UserId caller, IdempotencyKey key, byte[] requestHash, Supplier<RecordedResponse> work);

    /** The response to send, and whether it is a replay of an earlier one rather than the work's own. */
    record Outcome(RecordedResponse response, boolean replayed) {
    }
}
