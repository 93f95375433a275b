package org.dreamdiary.bootstrap;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/**
 * Every statement the service sends through its pool, with the thread that sent it: a decorator of the pool that
 * watches each connection and statement it hands out. It records as the driver sends: BEGIN with the first
 * statement after auto-commit was turned off, COMMIT or ROLLBACK only for a transaction that began (on a connection
 * with nothing sent they cost nothing), and the isolation level and savepoint calls, which are statements too.
 */
final class StatementLog implements UnaryOperator<DataSource> {
    /** Other calls on a connection that the driver makes a statement of. */
    private static final Set<String> OF_THEIR_OWN = Set.of("getTransactionIsolation", "setTransactionIsolation",
            "setSavepoint", "releaseSavepoint");
    private static final Set<String> EXECUTE = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate",
            "executeBatch", "executeLargeBatch");

    record Sent(String thread, String sql) {
    }

    private final List<Sent> sent = new CopyOnWriteArrayList<>();

    @Override
    public DataSource apply(DataSource pool) {
        return proxy(DataSource.class, (self, method, args) -> {
            Object result = call(pool, method, args);
            return result instanceof Connection connection ? watched(connection) : result;
        });
    }

    /** How many statements were recorded so far: where {@link #since} starts. */
    int mark() {
        return sent.size();
    }

    List<Sent> since(int mark) {
        // a snapshot first: background threads keep appending, which a view of the live list would not survive
        List<Sent> all = List.copyOf(sent);
        return all.subList(mark, all.size());
    }

    private Connection watched(Connection connection) {
        Transaction transaction = new Transaction();
        return proxy(Connection.class, (self, method, args) -> {
            switch (method.getName()) {
                case "setAutoCommit" -> {
                    // turning it back on ends a transaction in progress with a commit
                    if ((boolean) args[0]) {
                        transaction.end("COMMIT");
                    }
                    transaction.autoCommit = (boolean) args[0];
                }
                case "commit" -> transaction.end("COMMIT");
                case "rollback" -> {
                    if (args == null) {
                        transaction.end("ROLLBACK");
                    } else {
                        record("ROLLBACK TO SAVEPOINT");
                    }
                }
                default -> {
                    if (OF_THEIR_OWN.contains(method.getName())) {
                        record(method.getName());
                    }
                }
            }
            Object result = call(connection, method, args);
            if (result instanceof Statement statement) {
                String prepared = args != null && args.length > 0 && args[0] instanceof String sql ? sql : null;
                return watched(method.getReturnType(), statement, prepared, transaction);
            }
            return result;
        });
    }

    /** A statement: {@code prepared} is its SQL when it was prepared, else each execution names its own. */
    private <S> S watched(Class<S> type, Statement statement, String prepared, Transaction transaction) {
        return proxy(type, (self, method, args) -> {
            if (EXECUTE.contains(method.getName())) {
                transaction.begin();
                record(args != null && args.length > 0 && args[0] instanceof String sql ? sql : prepared);
            }
            return call(statement, method, args);
        });
    }

    private void record(String sql) {
        sent.add(new Sent(Thread.currentThread().getName(), sql));
    }

    /** What the driver knows of one connection's transaction. */
    private final class Transaction {
        private boolean autoCommit = true;
        private boolean open;

        void begin() {
            if (!autoCommit && !open) {
                open = true;
                record("BEGIN");
            }
        }

        void end(String how) {
            if (open) {
                open = false;
                record(how);
            }
        }
    }

    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(StatementLog.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
