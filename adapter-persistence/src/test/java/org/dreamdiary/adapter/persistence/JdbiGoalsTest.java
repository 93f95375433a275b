package org.dreamdiary.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dreamdiary.persistence.contract.TestPlanning.aGoal;
import static org.dreamdiary.persistence.contract.TestPlanning.anOwner;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.dreamdiary.application.port.out.Storage;
import org.dreamdiary.domain.planning.Goal;
import org.dreamdiary.domain.planning.GoalId;
import org.dreamdiary.domain.user.UserId;
import org.dreamdiary.persistence.contract.GoalsContract;
import org.dreamdiary.testsupport.TestSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The {@link GoalsContract} on PostgreSQL, and what the lock is there: a row lock ({@code FOR UPDATE}) held until
 * the transaction ends, which a plain read does not take.
 */
class JdbiGoalsTest extends GoalsContract {
    private final TestSchema schema = MigratedSchema.create();
    private final ExecutorService other = Executors.newSingleThreadExecutor();

    @Override
    protected Storage newStorage() {
        return MigratedStorage.on(schema);
    }

    @AfterAll
    void stop() throws InterruptedException {
        other.shutdownNow();
        other.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Test
    void givenAGoalLockedInATransaction_whenAnotherConnectionAsksForTheRowLock_thenItIsRefusedUntilTheCommit() {
        UserId owner = anOwner(storage);
        Goal goal = aGoal(owner).named("Locked").storedIn(storage);

        String whileHeld = storage.transactions().inTransaction(() -> {
            assertThat(storage.goals().lock(owner, goal.id())).contains(goal);
            return tryRowLockElsewhere(goal.id());
        });
        String afterCommit = tryRowLockElsewhere(goal.id());
        String afterPlainRead = storage.transactions().inTransaction(() -> {
            assertThat(storage.goals().view(owner, goal.id())).isPresent();
            return tryRowLockElsewhere(goal.id());
        });

        // 55P03 lock_not_available: the row is held FOR UPDATE by the first transaction
        assertThat(whileHeld).isEqualTo("55P03");
        assertThat(afterCommit).isEqualTo("locked");
        assertThat(afterPlainRead).isEqualTo("locked");
    }

    /** On a connection and thread of its own: "locked" when the row lock is free, else the SQL state of the refusal. */
    private String tryRowLockElsewhere(GoalId goal) {
        try {
            return other.submit(() -> tryRowLock(goal)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String tryRowLock(GoalId goal) throws SQLException {
        try (Connection connection = schema.connect()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement("SELECT id FROM goals WHERE id = ? FOR UPDATE NOWAIT")) {
                statement.setObject(1, goal.value());
                try (ResultSet row = statement.executeQuery()) {
                    assertThat(row.next()).isTrue();
                    return "locked";
                }
            } catch (SQLException refused) {
                return refused.getSQLState();
            } finally {
                connection.rollback();
            }
        }
    }
}
