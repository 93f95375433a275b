package org.dreamdiary.adapter.memory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.dreamdiary.application.port.out.Transactions;

/**
 * Transactions over the whole in-memory store, made serializable the simplest way: a transaction holds the store's
 * one lock from its first statement to its end, so no other sees it half done. Every write records how to undo
 * itself; a rollback undoes them newest first, so rolled back means rolled back. Every port method runs through
 * {@link #atomically}, joining the caller's transaction or being one of its own.
 */
public final class MemoryTransactions implements Transactions {
    private final ReentrantLock lock = new ReentrantLock();
    private final ThreadLocal<Transaction> current = new ThreadLocal<>();

    /** What one open transaction has to undo, and to do when it ends. */
    private static final class Transaction {
        final Deque<Runnable> undo = new ArrayDeque<>();
        final List<Runnable> atCommit = new ArrayList<>();
        final List<Runnable> afterCommit = new ArrayList<>();
        final List<Runnable> afterRollback = new ArrayList<>();
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return atomically(work);
    }

    /** A transaction that only reads is one that writes nothing: holding the lock, it sees one picture throughout. */
    @Override
    public <T> T inSnapshot(Supplier<T> work) {
        return atomically(work);
    }

    @Override
    public boolean inProgress() {
        return current.get() != null;
    }

    @Override
    public void afterCommit(Runnable action) {
        open().afterCommit.add(action);
    }

    @Override
    public void afterRollback(Runnable action) {
        open().afterRollback.add(action);
    }

    /** Runs {@code work} in the caller's transaction, or in one of its own when the caller has none. */
    <T> T atomically(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        Transaction transaction = new Transaction();
        lock.lock();
        current.set(transaction);
        T result;
        try {
            result = work.get();
            transaction.atCommit.forEach(Runnable::run);
        } catch (RuntimeException | Error failure) {
            current.remove();
            transaction.undo.forEach(Runnable::run);
            lock.unlock();
            transaction.afterRollback.forEach(Runnable::run);
            throw failure;
        }
        current.remove();
        lock.unlock();
        transaction.afterCommit.forEach(Runnable::run);
        return result;
    }

    /** Runs a write that returns nothing, as {@link #atomically}. */
    void atomically(Runnable write) {
        atomically(() -> {
            write.run();
            return null;
        });
    }

    /** Records how to undo a write just made in the current transaction. */
    void undo(Runnable undo) {
        open().undo.push(undo);
    }

    /**
     * Runs {@code action} as the current transaction commits, while it still holds the lock: what is handed on there
     * (events) is handed on in commit order. It must not fail.
     */
    void atCommit(Runnable action) {
        open().atCommit.add(action);
    }

    private Transaction open() {
        Transaction transaction = current.get();
        if (transaction == null) {
            throw new IllegalStateException("not inside a transaction");
        }
        return transaction;
    }
}
