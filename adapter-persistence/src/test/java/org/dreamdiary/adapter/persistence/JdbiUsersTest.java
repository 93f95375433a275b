package org.dreamdiary.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dreamdiary.persistence.contract.TestUsers.aUser;
import static org.dreamdiary.persistence.contract.TestUsers.unique;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.port.out.Storage;
import org.dreamdiary.domain.error.ConflictException;
import org.dreamdiary.domain.user.User;
import org.dreamdiary.domain.user.Username;
import org.dreamdiary.persistence.contract.UsersContract;
import org.dreamdiary.testsupport.TestSchema;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * The {@link UsersContract} on PostgreSQL, and what only the database can show, on a schema of its own: the unique
 * index making a registration wait for another, and the statements of a search.
 */
class JdbiUsersTest extends UsersContract {
    private final TestSchema schema = MigratedSchema.create();
    private final Jdbi jdbi = MigratedSchema.jdbi(schema);
    private final JdbiUsers users = new JdbiUsers(jdbi);

    @Override
    protected Storage newStorage() {
        return MigratedStorage.create();
    }

    @Test
    void givenARegistrationNotYetCommitted_whenAnotherTakesTheSameName_thenTheDatabaseMakesItWaitAndThenLose()
            throws Exception {
        String name = unique("held");
        User first = aUser().named(name).build();
        User second = aUser().named(name.toUpperCase(Locale.ROOT)).build();
        JdbiTransactions transactions = new JdbiTransactions(jdbi);
        CountDownLatch added = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> holder = threads.submit(() -> transactions.inTransaction(() -> {
                users.add(first);
                added.countDown();
                awaitQuietly(commit);
                return null;
            }));
            assertThat(added.await(10, TimeUnit.SECONDS)).isTrue();
            Future<?> challenger = threads.submit(() -> users.add(second));

            // No check-then-insert in Java: the second insert really waits on the unique index for the first.
            awaitAnInsertWaitingOnALock();
            assertThat(challenger).isNotDone();
            commit.countDown();
            holder.get(10, TimeUnit.SECONDS);

            assertThatThrownBy(() -> challenger.get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(ConflictException.class).hasMessage("the username is taken");
        } finally {
            commit.countDown();
            threads.shutdownNow();
        }
        assertThat(users.byUsername(new Username(name))).contains(first);
    }

    private void awaitAnInsertWaitingOnALock() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            long waiting = jdbi.withHandle(handle -> handle.createQuery("SELECT count(*) FROM pg_stat_activity"
                            + " WHERE datname = current_database() AND wait_event_type = 'Lock'"
                            + " AND query LIKE 'INSERT INTO users%'")
                    .mapTo(Long.class).one());
            if (waiting == 1) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the second registration never waited for the first");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never let the transaction commit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void givenOneHundredFiftyMatches_whenSearchingWithAnyPageSize_thenExactlyTwoStatementsRun() {
        String token = unique("count");
        jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO users (id, username, password_hash, created_at, updated_at)"
                        + " SELECT gen_random_uuid(), :token || '-' || lpad(i::text, 3, '0'), 'hash', now(), now()"
                        + " FROM generate_series(1, 150) AS i")
                .bind("token", token).execute());
        StatementCounter counter = new StatementCounter();
        Jdbi counted = MigratedSchema.jdbi(schema);
        counted.setSqlLogger(counter);
        JdbiUsers countedUsers = new JdbiUsers(counted);

        Page<User> one = countedUsers.search(Optional.of(token), new PageRequest(1, 1));
        List<String> forOne = counter.statements();
        counter.reset();
        Page<User> hundred = countedUsers.search(Optional.of(token), new PageRequest(2, 100));
        List<String> forHundred = counter.statements();
        counter.reset();
        countedUsers.search(Optional.empty(), new PageRequest(1, 100));
        List<String> withoutQuery = counter.statements();

        assertThat(one.items()).extracting(user -> user.username().value()).containsExactly(token + "-001");
        assertThat(one.totalItems()).isEqualTo(150);
        assertThat(hundred.items()).hasSize(50);
        assertThat(hundred.items().get(0).username().value()).isEqualTo(token + "-101");
        assertThat(hundred.totalItems()).isEqualTo(150);
        assertThat(forOne).hasSize(2);
        assertThat(forHundred).hasSize(2).isEqualTo(forOne);
        assertThat(withoutQuery).hasSize(2);
    }
}
