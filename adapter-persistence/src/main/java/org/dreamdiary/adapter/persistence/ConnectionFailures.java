package org.dreamdiary.adapter.persistence;

import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises a failure that means the database cannot be reached, as opposed to a statement that failed: SQLSTATE
 * class {@code 08} (connection exception: refused, broken, closed) and the server going away
 * ({@code 57P01} admin shutdown, {@code 57P02} crash shutdown, {@code 57P03} cannot connect now).
 */
final class ConnectionFailures {
    private static final Set<String> SERVER_GOING_AWAY = Set.of("57P01", "57P02", "57P03");
    /** Causes looked at, at most: enough for any wrapping seen, and a guard against cycles. */
    private static final int MAX_DEPTH = 16;

    private ConnectionFailures() {
    }

    /** The SQL exception, anywhere among the causes, that says the database cannot be reached; empty when none does. */
    static Optional<SQLException> unreachable(Throwable failure) {
        Throwable each = failure;
        for (int depth = 0; each != null && depth < MAX_DEPTH; depth++) {
            if (each instanceof SQLException sql) {
                for (SQLException next = sql; next != null && depth < MAX_DEPTH; next = next.getNextException(), depth++) {
                    if (meansUnreachable(next.getSQLState())) {
                        return Optional.of(next);
                    }
                }
            }
            each = each.getCause();
        }
        return Optional.empty();
    }

    private static boolean meansUnreachable(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || SERVER_GOING_AWAY.contains(sqlState));
    }
}
