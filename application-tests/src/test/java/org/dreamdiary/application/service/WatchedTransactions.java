package org.dreamdiary.application.service;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.dreamdiary.application.port.out.Transactions;

/**
 * The memory store's transactions, and its ports, as the use cases under test reach them: every call goes on to the
 * store unchanged, and is only watched. The transactions are counted; each port call is noted with the transaction it
 * ran in, as the store itself tells ({@link Transactions#inProgress}), so a test sees what a use case asked of the
 * store and whether a write of it would have committed on its own. A test may also have a call fail, to see that the
 * store rolls back everything the use case wrote before it, or have something happen right after a call returns.
 */
public final class WatchedTransactions implements Transactions {
    /**
     * One call a use case made: {@code Port.method} and its arguments; whether the store had a transaction open, and
     * the number of that transaction when it was begun here (0 otherwise), so that calls can be told apart by it.
     */
    public record Call(String method, List<Object> args, boolean inTransaction, long transaction) {
        public Object arg(int index) {
            return args.get(index);
        }
    }

    /** Thrown by a call {@link #failNext} made fail, as by a store that refuses a statement or cannot be reached. */
    public static final class StoreFailure extends RuntimeException {
        StoreFailure(String call) {
            super("the store failed " + call);
        }
    }

    /**
     * The port methods that write nothing: they read, or subscribe. Any other is taken for a write, so that a method
     * added to a port counts as one until it is known not to write.
     */
    private static final Set<String> WRITE_NOTHING = Set.of("byId", "byUsername", "existing", "search", "isActive", "view",
            "list", "ofGoal", "agenda", "counts", "readable", "owned", "withContent", "read", "storedBefore",
            "asMember", "overview", "members", "slice", "stats", "byAuthor", "find", "totals", "subscribe",
            "subscribeToGaps", "caughtUpWithin");

    private final Transactions store;
    private final AtomicInteger begun = new AtomicInteger();
    private final AtomicInteger rolledBack = new AtomicInteger();
    private final AtomicLong serial = new AtomicLong();
    /** The watched outermost transaction the thread is in; 0 when none is, or when it was begun unwatched. */
    private final ThreadLocal<Long> current = ThreadLocal.withInitial(() -> 0L);
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Set<String> known = ConcurrentHashMap.newKeySet();
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final Map<String, Runnable> afterNext = new ConcurrentHashMap<>();

    public WatchedTransactions(Transactions store) {
        this.store = store;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return watched(() -> store.inTransaction(work));
    }

    @Override
    public <T> T inSnapshot(Supplier<T> work) {
        return watched(() -> store.inSnapshot(work));
    }

    @Override
    public boolean inProgress() {
        return store.inProgress();
    }

    @Override
    public void afterCommit(Runnable action) {
        store.afterCommit(action);
    }

    @Override
    public void afterRollback(Runnable action) {
        store.afterRollback(action);
    }

    private <T> T watched(Supplier<T> transaction) {
        begun.incrementAndGet();
        if (store.inProgress()) {
            return transaction.get();
        }
        current.set(serial.incrementAndGet());
        try {
            return transaction.get();
        } catch (RuntimeException | Error failure) {
            rolledBack.incrementAndGet();
            throw failure;
        } finally {
            current.remove();
        }
    }

    /** {@code real}, watched: each of its calls is noted, then made. */
    public <P> P watch(Class<P> port, P real) {
        for (Method method : port.getMethods()) {
            known.add(port.getSimpleName() + "." + method.getName());
        }
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port},
                (proxy, method, args) -> call(port.getSimpleName(), real, method, args)));
    }

    private Object call(String port, Object real, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return method.invoke(real, args);
        }
        String name = port + "." + method.getName();
        boolean inTransaction = store.inProgress();
        List<Object> arguments = Collections.unmodifiableList(Arrays.asList(args == null ? new Object[0] : args.clone()));
        calls.add(new Call(name, arguments, inTransaction, inTransaction ? current.get() : 0));
        if (failing.remove(name)) {
            throw new StoreFailure(name);
        }
        Object result;
        try {
            result = method.invoke(real, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        Runnable then = afterNext.remove(name);
        if (then != null) {
            then.run();
        }
        return result;
    }

    /** How many transactions were asked for, those that joined an open one included. */
    public int begun() {
        return begun.get();
    }

    /** How many outermost transactions ended in a failure, and so were rolled back. */
    public int rolledBack() {
        return rolledBack.get();
    }

    /** Every call of {@code method} ({@code Port.method}) so far, in the order made. */
    public List<Call> calls(String method) {
        requireKnown(method);
        return calls.stream().filter(call -> call.method().equals(method)).toList();
    }

    /** Every call so far, in the order made. */
    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The writes made outside any transaction: each committed on its own, whatever the use case did next. */
    public List<String> writesOutside() {
        return calls.stream()
                .filter(call -> !call.inTransaction())
                .filter(call -> !WRITE_NOTHING.contains(call.method().substring(call.method().indexOf('.') + 1)))
                .map(Call::method)
                .toList();
    }

    /** Runs {@code action} once, right after the next call of {@code method} ({@code Port.method}) has returned. */
    public void afterNext(String method, Runnable action) {
        requireKnown(method);
        afterNext.put(method, action);
    }

    /** Makes the next call of {@code method} ({@code Port.method}) fail without reaching the store. */
    public void failNext(String method) {
        requireKnown(method);
        failing.add(method);
    }

    private void requireKnown(String method) {
        if (!known.contains(method)) {
            throw new IllegalArgumentException("no watched port has " + method);
        }
    }
}
