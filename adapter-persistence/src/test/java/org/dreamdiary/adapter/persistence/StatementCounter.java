package org.dreamdiary.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;

/** Remembers the SQL of every statement a {@link org.jdbi.v3.core.Jdbi} sends, as the adapter wrote it. */
final class StatementCounter implements SqlLogger {
    private final List<String> statements = new CopyOnWriteArrayList<>();

    @Override
    public void logBeforeExecution(StatementContext context) {
        statements.add(context.getRenderedSql());
    }

    List<String> statements() {
        return List.copyOf(statements);
    }

    void reset() {
        statements.clear();
    }

    /** The one statement {@code call} sent; the test fails unless it sent exactly one. */
    String onlyStatementOf(Runnable call) {
        reset();
        call.run();
        List<String> sent = statements();
        assertThat(sent).as("statements sent").hasSize(1);
        return sent.get(0);
    }
}
