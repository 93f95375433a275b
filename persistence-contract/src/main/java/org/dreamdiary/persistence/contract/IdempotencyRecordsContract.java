package org.dreamdiary.persistence.contract;

import static org.dreamdiary.persistence.contract.TestUsers.aUser;
import static org.dreamdiary.persistence.contract.TestUsers.anAccountIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.dreamdiary.application.idempotency.IdempotencyKey;
import org.dreamdiary.application.idempotency.RecordedResponse;
import org.dreamdiary.application.port.out.Storage;
import org.dreamdiary.application.port.out.idempotency.IdempotencyRecords;
import org.dreamdiary.application.port.out.idempotency.IdempotencyRecords.IdempotencyRecord;
import org.dreamdiary.domain.user.User;
import org.dreamdiary.domain.user.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every implementation of the {@link IdempotencyRecords} port promises. Every test keeps records of fresh
 * accounts, so the tests share one store; the purge, which counts what it deletes across the whole store, runs on
 * a store of its own.
 */
public abstract class IdempotencyRecordsContract extends StorageContract {
    private static final Instant NOW = Instant.parse("2026-11-21T10:30:00.123456Z");
    private static final Instant A_DAY_AGO = NOW.minus(Duration.ofHours(24));
    /** How long a test lets a second transaction try a key that the first holds before the first ends. */
    private static final Duration A_MOMENT = Duration.ofMillis(500);
    private static final long PATIENCE_SECONDS = 30;

    private IdempotencyRecords records;

    @BeforeEach
    final void takeRecords() {
        records = storage.idempotencyRecords();
    }

    private UserId anAccount() {
        return anAccountIn(storage.users());
    }

    /** A key of its own, as a client makes one for each new request. */
    protected static IdempotencyKey aKey() {
        return new IdempotencyKey(UUID.randomUUID().toString());
    }

    private static IdempotencyRecord aRecord(String request, Instant at) {
        return new IdempotencyRecord(bytes(request), new RecordedResponse(201,
                Map.of("Location", "/api/v1/dreams/1", "Content-Type", "application/json; charset=utf-8",
                        "ETag", "\"1\""),
                bytes("{\"name\": \"Fly: high\"}")), at);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    // --- records ---

    @Test
    void givenASavedRecord_whenFound_thenStatusHeadersBodyAndRequestHashComeBackAsSaved() {
        UserId owner = anAccount();
        IdempotencyKey key = aKey();
        IdempotencyRecord saved = aRecord("request", NOW);

        records.save(owner, key, saved);

        assertEquals(Optional.of(saved), records.find(owner, key, A_DAY_AGO));
    }

    @Test
    void givenAResponseWithoutHeadersOrBody_whenSavedAndFound_thenItComesBackEmpty() {
        UserId owner = anAccount();
        IdempotencyKey key = aKey();
        IdempotencyRecord saved = new IdempotencyRecord(bytes("delete"), new RecordedResponse(204, Map.of(), new byte[0]), NOW);

        records.save(owner, key, saved);

        assertEquals(Optional.of(saved), records.find(owner, key, A_DAY_AGO));
    }

    @Test
    void givenNoRecordUnderAKey_whenFound_thenThereIsNone() {
        assertEquals(Optional.empty(), records.find(anAccount(), aKey(), A_DAY_AGO));
    }

    @Test
    void givenAUsersKey_whenAnotherUserLooksItUpOrUsesItToo_thenEachHasARecordOfTheirOwn() {
        UserId ann = anAccount();
        UserId bob = anAccount();
        IdempotencyKey key = aKey();
        records.save(ann, key, aRecord("ann's request", NOW));

        assertEquals(Optional.empty(), records.find(bob, key, A_DAY_AGO));

        records.save(bob, key, aRecord("bob's request", NOW));
        assertTrue(records.find(ann, key, A_DAY_AGO).orElseThrow().isFor(bytes("ann's request")));
        assertTrue(records.find(bob, key, A_DAY_AGO).orElseThrow().isFor(bytes("bob's request")));
    }

    @Test
    void givenARecordMadeExactlyAtTheLimit_whenFound_thenItStillCounts() {
        UserId owner = anAccount();
        IdempotencyKey key = aKey();
        records.save(owner, key, aRecord("request", A_DAY_AGO));

        assertEquals(Optional.of(aRecord("request", A_DAY_AGO)), records.find(owner, key, A_DAY_AGO));
        assertEquals(Optional.empty(), records.find(owner, key, A_DAY_AGO.plusNanos(1000)));
    }

    @Test
    void givenARecordOlderThanAsked_whenFound_thenItCountsAsGoneAndSavingTheKeyAgainReplacesIt() {
        UserId owner = anAccount();
        IdempotencyKey key = aKey();
        records.save(owner, key, aRecord("yesterday", NOW.minus(Duration.ofHours(25))));

        assertEquals(Optional.empty(), records.find(owner, key, A_DAY_AGO));

        records.save(owner, key, aRecord("today", NOW));
        assertEquals(Optional.of(aRecord("today", NOW)), records.find(owner, key, A_DAY_AGO));
        assertEquals(Optional.of(aRecord("today", NOW)), records.find(owner, key, Instant.EPOCH), "the old one is gone");
    }

    @Test
    void givenAnAccountThatDoesNotExist_whenARecordIsSavedForIt_thenItIsRefused() {
        UserId nobody = aUser().build().id();
        IdempotencyKey key = aKey();

        assertThrows(RuntimeException.class, () -> records.save(nobody, key, aRecord("request", NOW)));

        assertEquals(Optional.empty(), records.find(nobody, key, A_DAY_AGO));
    }

    // --- purge ---

    @Test
    void givenRecordsOfDifferentAges_whenPurgedInBatches_thenOnlyThoseMadeBeforeGoAtMostTheBatchAtATime() {
        Instant before = Instant.parse("2001-01-01T00:00:00Z");
        try (Storage own = newStorage()) {
            IdempotencyRecords purged = own.idempotencyRecords();
            UserId owner = anAccountIn(own.users());
            for (int i = 1; i <= 3; i++) {
                purged.save(owner, aKey(), aRecord("old", before.minusSeconds(i)));
            }
            IdempotencyKey atTheLimit = aKey();
            purged.save(owner, atTheLimit, aRecord("at the limit", before));

            assertEquals(2, purged.deleteMadeBefore(before, 2));
            assertEquals(1, purged.deleteMadeBefore(before, 100));
            assertEquals(0, purged.deleteMadeBefore(before, 100));

            assertEquals(Optional.of(aRecord("at the limit", before)), purged.find(owner, atTheLimit, Instant.EPOCH));
        }
    }

    // --- transactions and locks ---

    @Test
    void givenAResourceAndItsRecordWrittenInOneTransaction_whenTheTransactionFails_thenNeitherRemains() {
        UserId owner = anAccount();
        IdempotencyKey key = aKey();
        User created = aUser().build();

        assertThrows(IllegalStateException.class, () -> storage.transactions().inTransaction(() -> {
            storage.users().add(created);
            records.save(owner, key, aRecord("create an account", NOW));
            throw new IllegalStateException("the node died before the commit");
        }));

        assertEquals(Optional.empty(), storage.users().byId(created.id()));
        assertEquals(Optional.empty(), records.find(owner, key, A_DAY_AGO));
    }

    @Test
    void givenAKeyLockedByARunningTransaction_whenAnotherTransactionTriesIt_thenItHasItOnlyOnceTheFirstHasEnded() {
        UserId owner = anAccount();
        IdempotencyKey key = aKey();
        AtomicBoolean firstEnding = new AtomicBoolean();

        CompletableFuture<Boolean> heldByBoth = storage.transactions().inTransaction(() -> {
            assertTrue(records.tryLock(owner, key));
            CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> storage.transactions().inTransaction(
                    () -> records.tryLock(owner, key) && !firstEnding.get()));
            // A store that refuses at once answers within the moment; one that runs transactions one at a time
            // cannot answer before this one ends.
            awaitAtMost(second, A_MOMENT);
            firstEnding.set(true);
            return second;
        });

        assertFalse(await(heldByBoth), "two transactions held the key at once");
    }

    @Test
    void givenAKeyLockedByTransactionsThatCommittedAndRolledBack_whenAnotherTransactionTriesIt_thenItIsFree() {
        UserId owner = anAccount();
        IdempotencyKey key = aKey();

        assertTrue(storage.transactions().inTransaction(() -> records.tryLock(owner, key)));
        assertTrue(elsewhere(() -> storage.transactions().inTransaction(() -> records.tryLock(owner, key))), "after a commit");

        assertThrows(IllegalStateException.class, () -> storage.transactions().inTransaction(() -> {
            records.tryLock(owner, key);
            throw new IllegalStateException("the work failed");
        }));
        assertTrue(elsewhere(() -> storage.transactions().inTransaction(() -> records.tryLock(owner, key))), "after a rollback");
    }

    // --- account deletion ---

    @Test
    void givenAnAccountWithRecords_whenTheAccountIsDeleted_thenTheyGoWithItAndOthersOfTheSameKeyStay() {
        try (Storage own = newStorage()) {
            IdempotencyRecords kept = own.idempotencyRecords();
            UserId leaving = anAccountIn(own.users());
            UserId staying = anAccountIn(own.users());
            IdempotencyKey key = aKey();
            kept.save(leaving, key, aRecord("leaving", NOW));
            kept.save(leaving, aKey(), aRecord("leaving too", NOW));
            kept.save(staying, key, aRecord("staying", NOW));

            own.users().delete(leaving, OptionalLong.empty());

            assertEquals(Optional.empty(), kept.find(leaving, key, Instant.EPOCH));
            assertEquals(Optional.of(aRecord("staying", NOW)), kept.find(staying, key, Instant.EPOCH));
            assertEquals(1, kept.deleteMadeBefore(NOW.plusSeconds(1), 100), "only the staying account's record is left");
        }
    }

    /** Runs {@code work} on another thread, as another request would. */
    private static <T> T elsewhere(Supplier<T> work) {
        return await(CompletableFuture.supplyAsync(work));
    }

    private static <T> T await(CompletableFuture<T> result) {
        try {
            return result.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError(e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("no answer within " + PATIENCE_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void awaitAtMost(CompletableFuture<?> result, Duration wait) {
        try {
            result.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillWaiting) {
            // it waits for this transaction to end
        } catch (ExecutionException e) {
            throw new AssertionError(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
