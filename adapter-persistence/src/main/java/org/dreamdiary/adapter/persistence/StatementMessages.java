package org.dreamdiary.adapter.persistence;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementExceptions;

/**
 * What a failed statement's exception says: the driver's message and the SQL, never the arguments. JDBI's default
 * message lists every bound value, and exception messages end up in the log, so search texts, usernames and whatever
 * else a client sent would too.
 */
public final class StatementMessages {
    private StatementMessages() {
    }

    /** {@code jdbi}, its statement exceptions no longer naming their arguments. */
    public static Jdbi withoutArguments(Jdbi jdbi) {
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(failure -> {
            StatementContext context = failure.getStatementContext();
            String sql = context == null ? null : context.getRenderedSql();
            return sql == null ? failure.getShortMessage() : failure.getShortMessage() + " [statement: \"" + sql + "\"]";
        });
        return jdbi;
    }
}
