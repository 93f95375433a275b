package org.dreamdiary.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dreamdiary.persistence.contract.TestUsers.anAccountIn;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.dreamdiary.application.idempotency.IdempotencyKey;
import org.dreamdiary.application.port.out.Storage;
import org.dreamdiary.domain.user.UserId;
import org.dreamdiary.persistence.contract.IdempotencyRecordsContract;
import org.junit.jupiter.api.Test;

/**
 * The {@link IdempotencyRecordsContract} on PostgreSQL, and what only its advisory locks show: a key held by a
 * transaction on one connection is refused at once on another, while the same key of another user is free.
 */
class JdbiIdempotencyRecordsTest extends IdempotencyRecordsContract {
    @Override
    protected Storage newStorage() {
        return MigratedStorage.create();
    }

    @Test
    void givenAKeyLockedByARunningTransaction_whenAnotherConnectionTriesIt_thenItIsRefusedAtOnceAndOnlyForThatUser() {
        UserId owner = anAccountIn(storage.users());
        IdempotencyKey key = aKey();
        UserId other = anAccountIn(storage.users());

        storage.transactions().inTransaction(() -> {
            assertThat(storage.idempotencyRecords().tryLock(owner, key)).isTrue();
            assertThat(onAnotherConnection(owner, key)).as("same user and key, elsewhere").isFalse();
            assertThat(onAnotherConnection(other, key)).as("another user's key of the same name").isTrue();
            return null;
        });
    }

    /** Whether a transaction on another thread, so on another connection, gets the key's lock. */
    private boolean onAnotherConnection(UserId owner, IdempotencyKey key) {
        try {
            return CompletableFuture.supplyAsync(() -> storage.transactions().inTransaction(
                    () -> storage.idempotencyRecords().tryLock(owner, key))).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
