package org.dreamdiary.application.service;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.dreamdiary.application.port.out.Transactions;

/**
 * Runs the work at once, on the calling thread. Like a database transaction, it undoes every registered
 * store's writes when the outermost transaction throws; a nested one joins it. It counts the transactions
 * begun and rolled back, and notes every write a store made outside of any, so tests can show a use case is
 * the one transaction it claims to be. The in-memory fakes of the user, planning and diary use cases share it.
 */
public class RecordingTransactions implements Transactions {

    /** Something {@link RecordingTransactions} can put back as it was when a transaction fails. */
    public interface Store {
        /** Remembers the current contents; running the result restores them. */
        Runnable checkpoint();
    }

    private final List<Store> stores = new ArrayList<>();
    private final List<String> writesOutside = new ArrayList<>();
    private int begun;
    private int rolledBack;
    private int depth;
    private final List<Runnable> onCommit = new ArrayList<>();
    private final List<Runnable> onRollback = new ArrayList<>();

    public <S extends Store> S register(S store) {
        stores.add(store);
        return store;
    }

    @Override
    public <T> T inSnapshot(Supplier<T> work) {
        return inTransaction(work);
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        begun++;
        boolean outermost = depth == 0;
        List<Runnable> undo = outermost ? stores.stream().map(Store::checkpoint).toList() : List.of();
        depth++;
        try {
            T result = work.get();
            if (outermost) {
                runAndForget(onCommit);
            }
            return result;
        } catch (RuntimeException | Error e) {
            if (outermost) {
                undo.forEach(Runnable::run);
                rolledBack++;
                runAndForget(onRollback);
            }
            throw e;
        } finally {
            if (outermost) {
                onCommit.clear();
                onRollback.clear();
            }
            depth--;
            if (outermost) {
                outermostEnded();
            }
        }
    }

    @Override
    public boolean inProgress() {
        return inOpenTransaction();
    }

    @Override
    public void afterCommit(Runnable action) {
        requireOpen();
        onCommit.add(action);
    }

    @Override
    public void afterRollback(Runnable action) {
        requireOpen();
        onRollback.add(action);
    }

    private void requireOpen() {
        if (depth == 0) {
            throw new IllegalStateException("not inside a transaction");
        }
    }

    private static void runAndForget(List<Runnable> actions) {
        List<Runnable> due = List.copyOf(actions);
        actions.clear();
        due.forEach(Runnable::run);
    }

    /** Called by the stores on every write. */
    public void writing(String what) {
        if (depth == 0) {
            writesOutside.add(what);
        }
    }

    public int begun() {
        return begun;
    }

    public int rolledBack() {
        return rolledBack;
    }

    public List<String> writesOutside() {
        return List.copyOf(writesOutside);
    }

    /** Whether a transaction is open on this thread right now. */
    protected final boolean inOpenTransaction() {
        return depth > 0;
    }

    /** Called once the outermost transaction has ended, committed or rolled back; does nothing here. */
    protected void outermostEnded() {
    }
}
