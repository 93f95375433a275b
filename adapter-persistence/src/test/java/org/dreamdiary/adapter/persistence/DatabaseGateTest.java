package org.dreamdiary.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.dreamdiary.domain.error.StorageUnavailableException;
import org.dreamdiary.testsupport.TestDatabase;
import org.dreamdiary.testsupport.TestSchema;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** The gate between JDBI and the pool, on the real test PostgreSQL and on a port where nothing listens. */
class DatabaseGateTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final TestSchema schema = TestDatabase.freshSchema();
    private final SwitchableDataSource dataSource = new SwitchableDataSource(schema);

    private Jdbi jdbiThrough(DatabaseGate gate) {
        return Jdbi.create(gate).setHandleCallbackDecorator(gate);
    }

    private static int selectOne(Jdbi jdbi) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT 1").mapTo(Integer.class).one());
    }

    @Test
    void givenTheDatabaseRefusesConnections_whenRequestsKeepComing_thenEachIsUnavailableAtOnceWithoutAskingThePool() {
        Jdbi jdbi = jdbiThrough(new DatabaseGate(dataSource, 10, Duration.ofSeconds(1), Duration.ofHours(1)));
        dataSource.reachable(false);

        assertThatThrownBy(() -> selectOne(jdbi)).isInstanceOf(StorageUnavailableException.class);
        int askedOnceKnown = dataSource.asked();
        long started = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            assertThatThrownBy(() -> selectOne(jdbi)).isInstanceOf(StorageUnavailableException.class)
                    .satisfies(e -> assertThat(((StorageUnavailableException) e).retryAfter()).isEqualTo(Duration.ofHours(1)));
        }
        long tookMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();

        // the one probe started when the outage became known may still count; the requests themselves do not
        assertThat(dataSource.asked()).isLessThanOrEqualTo(askedOnceKnown + 1);
        assertThat(tookMillis).as("100 refusals").isLessThan(1_000);
    }

    @Test
    void givenTheDatabaseIsDown_whenItComesBack_thenAProbeFindsItAndRequestsSucceedAgain() {
        Jdbi jdbi = jdbiThrough(new DatabaseGate(dataSource, 10, Duration.ofSeconds(1), Duration.ofMillis(50)));
        dataSource.reachable(false);
        assertThatThrownBy(() -> selectOne(jdbi)).isInstanceOf(StorageUnavailableException.class);

        dataSource.reachable(true);

        assertThat(firstSuccessWithin(jdbi, WAIT)).isEqualTo(1);
    }

    @Test
    void givenAConnectionTerminatedMidTransaction_whenTheStatementFails_thenUnavailableAndTheGateRecoversByItself() {
        Jdbi jdbi = jdbiThrough(new DatabaseGate(dataSource, 10, Duration.ofSeconds(1), Duration.ofMillis(50)));

        assertThatThrownBy(() -> jdbi.inTransaction(handle -> {
            handle.execute("CREATE TEMPORARY TABLE doomed (id int)");
            return handle.createQuery("SELECT pg_terminate_backend(pg_backend_pid())").mapTo(Boolean.class).one();
        })).isInstanceOf(StorageUnavailableException.class);

        assertThat(firstSuccessWithin(jdbi, WAIT)).isEqualTo(1);
    }

    @Test
    void givenThePoolsWaitRunsOutWhileTheDatabaseAnswers_whenOpening_thenUnavailableButTheGateStaysOpen() {
        // one connection: a failed opening that kept its turn would leave none for the next request
        Jdbi jdbi = jdbiThrough(new DatabaseGate(dataSource, 1, Duration.ofSeconds(1), Duration.ofHours(1)));
        dataSource.failWith(new SQLTransientConnectionException("Connection is not available, request timed out"));

        assertThatThrownBy(() -> selectOne(jdbi)).isInstanceOf(StorageUnavailableException.class)
                .hasMessageContaining("no database connection came free");

        dataSource.failWith(null);
        assertThat(selectOne(jdbi)).isEqualTo(1);
    }

    @Test
    void givenEveryConnectionInUse_whenMoreRequestsArrive_thenNoneGetsOneUntilItIsFreeAndThenEachInTheOrderItCame()
            throws Exception {
        Jdbi jdbi = jdbiThrough(new DatabaseGate(dataSource, 1, WAIT, Duration.ofHours(1)));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> served = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        threads.add(started(() -> jdbi.useHandle(handle -> {
            selectOne(jdbi);
            holding.countDown();
            assertThat(release.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        })));
        assertThat(holding.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        for (String name : List.of("first", "second", "third")) {
            // noted while the connection is held: after it is handed back, the next may note first
            Thread waiting = started(() -> jdbi.useHandle(handle -> {
                selectOne(jdbi);
                served.add(name);
            }));
            awaitWaiting(waiting);
            threads.add(waiting);
        }
        assertThat(served).isEmpty();
        release.countDown();
        for (Thread thread : threads) {
            thread.join(WAIT.toMillis());
            assertThat(thread.isAlive()).isFalse();
        }

        assertThat(served).containsExactly("first", "second", "third");
    }

    @Test
    void givenEveryConnectionInUseLongerThanTheWait_whenARequestArrives_thenItIsUnavailableAndTheNextGetsItsTurn()
            throws Exception {
        Jdbi jdbi = jdbiThrough(new DatabaseGate(dataSource, 1, Duration.ofMillis(200), Duration.ofHours(1)));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = started(() -> jdbi.useHandle(handle -> {
            holding.countDown();
            assertThat(release.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        }));
        assertThat(holding.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        long started = System.nanoTime();
        assertThatThrownBy(() -> selectOne(jdbi)).isInstanceOf(StorageUnavailableException.class)
                .hasMessageContaining("no database connection came free");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200));

        release.countDown();
        holder.join(WAIT.toMillis());
        assertThat(holder.isAlive()).isFalse();
        assertThat(selectOne(jdbi)).isEqualTo(1);
    }

    private interface Work {
        void run() throws Exception;
    }

    private static Thread started(Work work) {
        Thread thread = new Thread(() -> {
            try {
                work.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        thread.start();
        return thread;
    }

    /** Until {@code thread} is parked in the queue for a turn (not, say, on the queue's lock on its way in). */
    private static void awaitWaiting(Thread thread) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (thread.getState() != Thread.State.WAITING || !(LockSupport.getBlocker(thread) instanceof ConnectionTurns)) {
            assertThat(System.nanoTime()).as("%s waiting for its turn", thread.getName()).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    /** Asks again and again, up to {@code patience}, until the gate lets a query through. */
    private static int firstSuccessWithin(Jdbi jdbi, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try {
                return selectOne(jdbi);
            } catch (StorageUnavailableException stillDown) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the gate did not let a query through within " + patience, stillDown);
                }
                Thread.onSpinWait();
            }
        }
    }
}
