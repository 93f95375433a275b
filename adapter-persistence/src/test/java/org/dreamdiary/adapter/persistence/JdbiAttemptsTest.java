package org.dreamdiary.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dreamdiary.persistence.contract.TestUsers.unique;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.dreamdiary.application.port.out.Storage;
import org.dreamdiary.application.port.out.user.Attempts.Quota;
import org.dreamdiary.application.port.out.user.Attempts.Scope;
import org.dreamdiary.persistence.contract.AttemptsContract;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * The {@link AttemptsContract} on PostgreSQL, and what only the table shows: a key's row holds the times of its
 * attempts still in the window, oldest first, so that it does not grow with every attempt ever made.
 */
class JdbiAttemptsTest extends AttemptsContract {
    private final Jdbi jdbi = MigratedSchema.jdbi(MigratedSchema.create());
    private final JdbiAttempts attempts = new JdbiAttempts(jdbi);

    @Override
    protected Storage newStorage() {
        return MigratedStorage.create();
    }

    @Test
    void givenAttemptsThatLeftTheWindow_whenAnotherIsRecorded_thenTheRowHoldsOnlyThoseStillInItOldestFirst() {
        String key = unique("pruned");
        Quota three = new Quota(Scope.USERNAME, key, 3, WINDOW);
        attempts.reserve(three, NOW.minus(WINDOW).minusSeconds(2));
        attempts.reserve(three, NOW.minus(WINDOW).minusSeconds(1));
        attempts.reserve(three, NOW);
        attempts.reserve(three, NOW.minusSeconds(1));

        assertThat(stored(key)).containsExactly(NOW.minusSeconds(1), NOW);
    }

    private List<Instant> stored(String key) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT a FROM attempts, unnest(attempts) WITH ORDINALITY AS u(a, n)"
                        + " WHERE scope = 'username' AND key = :key ORDER BY n")
                .bind("key", key).mapTo(OffsetDateTime.class).map(OffsetDateTime::toInstant).list());
    }
}
