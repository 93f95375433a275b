package org.dreamdiary.adapter.persistence;

import java.util.function.Supplier;
import org.dreamdiary.application.port.out.Transactions;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.extension.HandleSupplier;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * One database transaction around a whole use case. JDBI binds the open handle to the thread, so every
 * adapter call the use case makes on this thread joins the same transaction.
 */
public final class JdbiTransactions implements Transactions {
    private final Jdbi jdbi;

    public JdbiTransactions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return jdbi.inTransaction(handle -> work.get());
    }

    @Override
    public boolean inProgress() {
        // the handle bound to this thread, if any: asking must not open one
        HandleSupplier bound = jdbi.getHandleScope().get();
        return bound != null && bound.getHandle().isInTransaction();
    }

    @Override
    public <T> T inSnapshot(Supplier<T> work) {
        return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, handle -> {
            handle.execute("SET TRANSACTION READ ONLY");
            return work.get();
        });
    }

    @Override
    public void afterCommit(Runnable action) {
        jdbi.useHandle(handle -> requireTransaction(handle).afterCommit(action));
    }

    @Override
    public void afterRollback(Runnable action) {
        jdbi.useHandle(handle -> requireTransaction(handle).afterRollback(action));
    }

    /** Inside a transaction the handle is the one bound to this thread; outside it would be a new, idle one. */
    private static Handle requireTransaction(Handle handle) {
        if (!handle.isInTransaction()) {
            throw new IllegalStateException("not inside a transaction");
        }
        return handle;
    }
}
