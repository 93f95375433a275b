package org.dreamdiary.adapter.persistence;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.dreamdiary.testsupport.TestSchema;

/**
 * Real connections to the test schema, or, once switched off, real refusals: a port where nothing listens. Counts
 * the connections asked for, so a test can tell whether a request reached the database at all.
 */
final class SwitchableDataSource implements DataSource {
    /** Port 1 is privileged and unused: connecting there is refused at once. */
    private static final String NOWHERE = "jdbc:postgresql://127.0.0.1:1/nowhere";

    private final TestSchema schema;
    private final AtomicInteger asked = new AtomicInteger();
    private volatile SQLException failure;
    private volatile boolean reachable = true;

    SwitchableDataSource(TestSchema schema) {
        this.schema = schema;
    }

    void reachable(boolean reachable) {
        this.reachable = reachable;
    }

    /** Every connection asked for fails with this until set back to null. */
    void failWith(SQLException failure) {
        this.failure = failure;
    }

    int asked() {
        return asked.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        asked.incrementAndGet();
        if (failure != null) {
            throw failure;
        }
        return reachable ? schema.connect() : DriverManager.getConnection(NOWHERE, schema.user(), schema.password());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return false;
    }
}
