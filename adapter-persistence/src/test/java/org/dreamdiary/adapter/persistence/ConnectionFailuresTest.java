package org.dreamdiary.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.jdbi.v3.core.ConnectionException;
import org.junit.jupiter.api.Test;

/** Which failures mean "the database cannot be reached", wherever among the causes they hide. */
class ConnectionFailuresTest {
    @Test
    void givenAConnectionRefusedInsideJdbisWrapper_whenClassified_thenUnreachable() {
        SQLException refused = new SQLException("Connection to 127.0.0.1:1 refused", "08001");
        assertThat(ConnectionFailures.unreachable(new ConnectionException(refused))).contains(refused);
    }

    @Test
    void givenTheServerShuttingDown_whenClassified_thenUnreachable() {
        for (String state : new String[] {"57P01", "57P02", "57P03", "08006", "08003"}) {
            assertThat(ConnectionFailures.unreachable(new SQLException("gone", state))).as(state).isPresent();
        }
    }

    @Test
    void givenThePoolsTimeoutNamingTheLastConnectFailureAsNextException_whenClassified_thenUnreachable() {
        SQLTransientConnectionException timeout = new SQLTransientConnectionException("request timed out after 1000ms");
        timeout.setNextException(new SQLException("Connection refused", "08001"));
        assertThat(ConnectionFailures.unreachable(timeout)).isPresent();
    }

    @Test
    void givenAStatementThatFailed_whenClassified_thenNotUnreachable() {
        assertThat(ConnectionFailures.unreachable(new RuntimeException(new SQLException("duplicate key", "23505"))))
                .isEmpty();
        assertThat(ConnectionFailures.unreachable(new SQLTransientConnectionException("request timed out"))).isEmpty();
        assertThat(ConnectionFailures.unreachable(new IllegalStateException("no SQL at all"))).isEmpty();
    }
}
