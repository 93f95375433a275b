package org.dreamdiary.application.port.out.idempotency;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.dreamdiary.application.idempotency.IdempotencyKey;
import org.dreamdiary.application.idempotency.RecordedResponse;
import org.dreamdiary.domain.user.UserId;

/** The responses recorded under idempotency keys, each key scoped to the user who sent it. */
public interface IdempotencyRecords {
    /**
     * Takes the lock of this user's key for the rest of the current transaction, without waiting: {@code false}
     * when another transaction holds it. Shared by every node; call it inside a transaction.
     */
    boolean tryLock(UserId owner, IdempotencyKey key);

    /** The owner's record under {@code key} made at or after {@code notBefore}; older ones count as gone. */
    Optional<IdempotencyRecord> find(UserId owner, IdempotencyKey key, Instant notBefore);

    /** Records a response under the owner's key, replacing an expired record of that key not yet purged. */
    void save(UserId owner, IdempotencyKey key, IdempotencyRecord record);

    /** Deletes every record made before {@code before}; returns how many. */
    int deleteMadeBefore(Instant before, int max);

    /** What a key stands for: the request it was first used with (as a digest) and the response that got. */
    record IdempotencyRecord(byte[] requestHash, RecordedResponse response, Instant createdAt) {
        public IdempotencyRecord {
            requestHash = requestHash.clone();
        }

        @Override
        public byte[] requestHash() {
            return requestHash.clone();
        }

        public boolean isFor(byte[] otherRequestHash) {
            return Arrays.equals(requestHash, otherRequestHash);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof IdempotencyRecord that && Arrays.equals(requestHash, that.requestHash)
                    && response.equals(that.response) && createdAt.equals(that.createdAt);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * Arrays.hashCode(requestHash) + response.hashCode()) + createdAt.hashCode();
        }

        @Override
        public String toString() {
            return "IdempotencyRecord[response=" + response + ", createdAt=" + createdAt + "]";
        }
    }
}
