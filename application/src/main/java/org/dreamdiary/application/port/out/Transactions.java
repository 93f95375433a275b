package org.dreamdiary.application.port.out;

import java.util.function.Supplier;

/** Runs one use case as one unit of work: everything it wrote is committed together, or nothing is. */
public interface Transactions {
    <T> T inTransaction(Supplier<T> work);

    /** Whether the calling thread is inside a transaction, which a use case it calls would join. */
    boolean inProgress();

    /**
     * Runs a use case that only reads, in one read-only transaction that sees the data as it was at its first
     * read, however long it takes and whatever commits meanwhile: many reads make one consistent picture.
     */
    <T> T inSnapshot(Supplier<T> work);

    /**
     * Runs {@code action} once the transaction the caller is in has committed, and never if it rolls back: for
     * effects outside the database (deleting a file) that must not happen for a change that did not.
     *
     * @throws IllegalStateException outside a transaction
     */
    void afterCommit(Runnable action);

    /**
     * Runs {@code action} once the transaction the caller is in has rolled back, and never if it commits: to undo
     * effects outside the database (a file written) of a change that did not happen.
     *
     * @throws IllegalStateException outside a transaction
     */
    void afterRollback(Runnable action);
}
