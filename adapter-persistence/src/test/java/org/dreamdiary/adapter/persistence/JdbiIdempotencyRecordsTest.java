package org.dreamdiary.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dreamdiary.persistence.contract.TestUsers.aUser;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.dreamdiary.application.idempotency.IdempotencyKey;
import org.dreamdiary.application.idempotency.RecordedResponse;
import org.dreamdiary.application.port.out.idempotency.IdempotencyRecords.IdempotencyRecord;
import org.dreamdiary.domain.user.User;
import org.dreamdiary.domain.user.UserId;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Idempotency records on PostgreSQL: kept per user, found while fresh, purged by age, locked across connections. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbiIdempotencyRecordsTest {
    private static final Instant NOW = Instant.parse("2026-11-21T10:30:00.123Z");

    private Jdbi jdbi;
    private JdbiUsers users;
    private JdbiIdempotencyRecords records;
    private JdbiTransactions transactions;

    @BeforeAll
    void migrate() {
        jdbi = MigratedSchema.jdbi(MigratedSchema.create());
        users = new JdbiUsers(jdbi);
        records = new JdbiIdempotencyRecords(jdbi);
        transactions = new JdbiTransactions(jdbi);
    }

    private UserId anAccount() {
        User user = aUser().build();
        users.add(user);
        return user.id();
    }

    private static IdempotencyKey aKey() {
        return new IdempotencyKey(UUID.randomUUID().toString());
    }

    private static IdempotencyRecord aRecord(String request, Instant at) {
        return new IdempotencyRecord(request.getBytes(StandardCharsets.UTF_8), new RecordedResponse(201,
                Map.of("Location", "/api/v1/dreams/1", "Content-Type", "application/json; charset=utf-8"),
                "{\"name\": \"Fly: high\"}".getBytes(StandardCharsets.UTF_8)), at);
    }

    @Test
    void givenASavedRecord_whenFound_thenStatusHeadersBodyAndRequestHashComeBackAsSaved() {
        UserId owner = anAccount();
        IdempotencyKey key = aKey();
        IdempotencyRecord saved = aRecord("request", NOW);

        records.save(owner, key, saved);

        assertThat(records.find(owner, key, NOW.minus(Duration.ofHours(24)))).contains(saved);
    }

    @Test
    void givenAUsersKey_whenAnotherUserLooksItUp_thenItIsNotTheirs() {
        UserId ann = anAccount();
        UserId bob = anAccount();
        IdempotencyKey key = aKey();
        records.save(ann, key, aRecord("ann's request", NOW));

        assertThat(records.find(bob, key, NOW.minus(Duration.ofHours(24)))).isEmpty();

        records.save(bob, key, aRecord("bob's request", NOW));
        assertThat(records.find(ann, key, NOW.minusSeconds(1)).orElseThrow().isFor(bytes("ann's request"))).isTrue();
        assertThat(records.find(bob, key, NOW.minusSeconds(1)).orElseThrow().isFor(bytes("bob's request"))).isTrue();
    }

    @Test
    void givenARecordOlderThanAsked_whenFound_thenItCountsAsGoneAndSavingTheKeyAgainReplacesIt() {
        UserId owner = anAccount();
        IdempotencyKey key = aKey();
        records.save(owner, key, aRecord("yesterday", NOW.minus(Duration.ofHours(25))));

        assertThat(records.find(owner, key, NOW.minus(Duration.ofHours(24)))).isEmpty();

        records.save(owner, key, aRecord("today", NOW));
        assertThat(records.find(owner, key, NOW.minus(Duration.ofHours(24)))).contains(aRecord("today", NOW));
    }

    @Test
    void givenRecordsOfDifferentAges_whenOlderOnesArePurged_thenOnlyThoseGo() {
        Instant longAgo = Instant.parse("2001-01-01T00:00:00Z");
        UserId owner = anAccount();
        IdempotencyKey old = aKey();
        IdempotencyKey recent = aKey();
        records.save(owner, old, aRecord("old", longAgo));
        records.save(owner, recent, aRecord("recent", longAgo.plus(Duration.ofHours(2))));

        assertThat(records.deleteMadeBefore(longAgo.plus(Duration.ofHours(1)), 100)).isEqualTo(1);

        assertThat(records.find(owner, old, longAgo)).isEmpty();
        assertThat(records.find(owner, recent, longAgo)).isPresent();
    }

    @Test
    void givenAKeyLockedByARunningTransaction_whenAnotherConnectionTriesIt_thenItIsRefusedUntilThatTransactionEnds() {
        UserId owner = anAccount();
        IdempotencyKey key = aKey();
        UserId other = anAccount();

        transactions.inTransaction(() -> {
            assertThat(records.tryLock(owner, key)).isTrue();
            assertThat(onAnotherConnection(owner, key)).as("same user and key, elsewhere").isFalse();
            assertThat(onAnotherConnection(other, key)).as("another user's key of the same name").isTrue();
            return null;
        });

        assertThat(onAnotherConnection(owner, key)).as("after the commit").isTrue();
    }

    @Test
    void givenAResourceAndItsRecordWrittenInOneTransaction_whenTheTransactionFails_thenNeitherRemains() {
        UserId owner = anAccount();
        IdempotencyKey key = aKey();
        User created = aUser().build();

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            users.add(created);
            records.save(owner, key, aRecord("create an account", NOW));
            throw new IllegalStateException("the node died before the commit");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(users.byId(created.id())).isEmpty();
        assertThat(records.find(owner, key, NOW.minus(Duration.ofHours(24)))).isEmpty();
    }

    /** Whether a transaction on another thread (so another connection) gets the key's lock. */
    private boolean onAnotherConnection(UserId owner, IdempotencyKey key) {
        try {
            return CompletableFuture.supplyAsync(() -> transactions.inTransaction(() -> records.tryLock(owner, key)))
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
