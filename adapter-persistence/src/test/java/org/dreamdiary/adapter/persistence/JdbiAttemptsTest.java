package org.dreamdiary.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dreamdiary.persistence.contract.TestUsers.unique;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.dreamdiary.application.port.out.user.Attempts;
import org.dreamdiary.application.port.out.user.Attempts.Quota;
import org.dreamdiary.application.port.out.user.Attempts.Scope;
import org.dreamdiary.application.port.out.Storage;
import org.dreamdiary.persistence.contract.AttemptsContract;
import org.dreamdiary.testsupport.TestSchema;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * The {@link AttemptsContract} on PostgreSQL, and what only a real database can show: that the limit holds when
 * the attempts arrive all at once, on many connections, under PostgreSQL's default isolation (READ COMMITTED).
 */
class JdbiAttemptsTest extends AttemptsContract {
    private static final int THREADS = 32;

    private final TestSchema schema = MigratedSchema.create();
    private final Jdbi jdbi = MigratedSchema.jdbi(schema);
    private Attempts attempts;

    @Override
    protected Storage newStorage() {
        PostgresStorage storage = MigratedStorage.on(schema);
        attempts = storage.attempts();
        return storage;
    }

    /** Runs {@code count} calls on {@link #THREADS} threads, released together; their results. */
    private static <T> List<T> together(int count, IntFunction<T> call) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(threads.submit(() -> {
                    go.await();
                    return call.apply(index);
                }));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void givenTwoHundredAttemptsForOneKeyAtOnce_whenReserved_thenExactlyTheLimitIsRecorded() throws Exception {
        String key = unique("raced");
        Quota ten = new Quota(Scope.USERNAME, key, 10, WINDOW);

        List<Optional<Instant>> outcomes = together(200, i -> attempts.reserve(ten, NOW.plusMillis(i % 7)));

        assertThat(outcomes).filteredOn(Optional::isEmpty).hasSize(10);
        assertThat(outcomes).filteredOn(Optional::isPresent).hasSize(190)
                .allSatisfy(refused -> assertThat(refused.get()).isBetween(NOW.plus(WINDOW), NOW.plus(WINDOW).plusMillis(7)));
        assertThat(stored(Scope.USERNAME, key)).isEqualTo(10);
    }

    @Test
    void givenAttemptsForOneAddressUnderManyUsernamesAtOnce_whenEachReservesBothInOneTransaction_thenTheAddressLimitHolds()
            throws Exception {
        String address = unique("address");
        var transactions = storage.transactions();

        List<Boolean> reserved = together(150, i -> {
            try {
                return transactions.inTransaction(() -> {
                    if (attempts.reserve(new Quota(Scope.USERNAME, "user" + i + address, 10, WINDOW), NOW).isPresent()
                            || attempts.reserve(new Quota(Scope.LOGIN_ADDRESS, address, 100, WINDOW), NOW).isPresent()) {
                        throw new IllegalStateException("refused");
                    }
                    return true;
                });
            } catch (IllegalStateException refused) {
                return false;
            }
        });

        assertThat(reserved).filteredOn(ok -> ok).hasSize(100);
        assertThat(stored(Scope.LOGIN_ADDRESS, address)).isEqualTo(100);
        int usernamesKept = jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT count(*) FROM attempts WHERE scope = 'username' AND key LIKE :pattern")
                .bind("pattern", "%" + address).mapTo(Integer.class).one());
        assertThat(usernamesKept)
                .as("a refused address undid the username's reservation made in the same transaction").isEqualTo(100);
    }

    @Test
    void givenAReservationInATransactionThatFails_whenItRollsBack_thenTheAttemptIsNotCounted() {
        String key = unique("undone");
        var transactions = storage.transactions();

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            attempts.reserve(new Quota(Scope.USERNAME, key, 1, WINDOW), NOW);
            throw new IllegalStateException("the next quota was full");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(attempts.reserve(new Quota(Scope.USERNAME, key, 1, WINDOW), NOW)).isEmpty();
    }

    @Test
    void givenManyOldKeys_whenForgottenInBatches_thenEachStatementDeletesAtMostTheBatch() {
        Instant ancient = NOW.minus(Duration.ofDays(3000));
        for (int i = 0; i < 5; i++) {
            attempts.reserve(new Quota(Scope.REGISTRATION_ADDRESS, unique("ancient"), 1, WINDOW), ancient);
        }

        assertThat(attempts.forgetOlderThan(ancient.plusSeconds(1), 2)).isEqualTo(2);
        assertThat(attempts.forgetOlderThan(ancient.plusSeconds(1), 100)).isEqualTo(3);
    }

    private int stored(Scope scope, String key) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT cardinality(attempts) FROM attempts WHERE scope = :scope AND key = :key")
                .bind("scope", scope.name().toLowerCase(java.util.Locale.ROOT)).bind("key", key).mapTo(Integer.class).one());
    }
}
