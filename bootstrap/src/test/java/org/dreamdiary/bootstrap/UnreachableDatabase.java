package org.dreamdiary.bootstrap;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * A database outage a test can switch on and off: the service's pool, except that while the database is down no
 * connection can be had from it, as when PostgreSQL stops.
 */
final class UnreachableDatabase {
    private final AtomicBoolean down = new AtomicBoolean();

    void down(boolean isDown) {
        down.set(isDown);
    }

    /** {@code pool}, unreachable while this database is down. */
    DataSource decorate(DataSource pool) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, arguments) -> {
                    if (down.get() && method.getName().equals("getConnection")) {
                        throw new SQLException("the test made the database unreachable", "08001");
                    }
                    try {
                        return method.invoke(pool, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
