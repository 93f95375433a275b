package org.dreamdiary.adapter.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.dreamdiary.domain.error.StorageUnavailableException;
import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.HandleCallbackDecorator;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where JDBI meets the pool, at both of its seams: opening a connection, and the work done with it. A database that
 * cannot be reached becomes a {@link StorageUnavailableException} (so a {@code 503}, never a {@code 500}), whether
 * the pool could not connect or a connection broke mid-transaction; and once it is known to be unreachable, requests
 * are refused at once instead of each waiting out the pool's timeout, while probes (one at a time, triggered by the
 * requests) find out when it is back. Requests take turns for the pool's connections here, in the order they came.
 */
public final class DatabaseGate implements ConnectionFactory, HandleCallbackDecorator {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseGate.class);

    private final DataSource pool;
    private final Duration retryAfter;
    private final DatabaseAvailability availability;
    private final ConnectionTurns turns;

    /**
     * {@code connections}: the pool's size; {@code wait}: how long a request may wait for one of them;
     * {@code probeEvery}: how often, while the database is down, one request's arrival may start a probe.
     */
    public DatabaseGate(DataSource pool, int connections, Duration wait, Duration probeEvery) {
        this.pool = pool;
        this.retryAfter = probeEvery;
        this.availability = new DatabaseAvailability(System::nanoTime, probeEvery);
        this.turns = new ConnectionTurns(connections, wait);
    }

    @Override
    public Connection openConnection() throws SQLException {
        if (!availability.up()) {
            probeIfDue();
            throw unreachable();
        }
        awaitTurn();
        try {
            return connect();
        } catch (SQLException | RuntimeException e) {
            turns.give();
            throw e;
        }
    }

    @Override
    public void closeConnection(Connection connection) throws SQLException {
        try {
            connection.close();
        } finally {
            turns.give();
        }
    }

    /**
     * Requests wait for a connection here, first come first served, rather than in the pool: the pool's hand-over
     * spins (yielding the CPU in a loop) while requests wait for it, and serves them in no order, which on a busy
     * node cost a twentieth of the CPU and made the slowest reads several times slower than the median.
     */
    private void awaitTurn() {
        if (!turns.take()) {
            throw busy();
        }
    }

    private Connection connect() throws SQLException {
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            if (ConnectionFailures.unreachable(e).isPresent()) {
                throw lost(e);
            }
            if (e instanceof SQLTransientConnectionException) {
                // the pool's wait ran out while the database answers: it is busy, not gone
                throw busy();
            }
            throw e;
        }
    }

    @Override
    public <R, X extends Exception> HandleCallback<R, X> decorate(HandleCallback<R, X> callback) {
        return handle -> {
            try {
                return callback.withHandle(handle);
            } catch (JdbiException e) {
                if (ConnectionFailures.unreachable(e).isPresent()) {
                    throw lost(e);
                }
                throw e;
            }
        };
    }

    private StorageUnavailableException lost(Exception failure) {
        if (availability.unreachable()) {
            // The SQL exception's own text only: JDBI's message carries the statement and its arguments.
            SQLException cause = ConnectionFailures.unreachable(failure).orElseThrow();
            LOG.warn("the database cannot be reached ({} {}); answering 503 until a probe reaches it",
                    cause.getSQLState(), firstLine(cause.getMessage()));
        }
        probeIfDue();
        return unreachable();
    }

    private StorageUnavailableException busy() {
        return new StorageUnavailableException("no database connection came free in time; try again shortly", retryAfter);
    }

    private StorageUnavailableException unreachable() {
        return new StorageUnavailableException("the database cannot be reached; try again shortly", retryAfter);
    }

    private void probeIfDue() {
        if (availability.claimProbe()) {
            Thread probe = new Thread(this::probe, "database-probe");
            probe.setDaemon(true);
            probe.start();
        }
    }

    /** A real statement on a pooled connection: the pool evicts a dead connection that fails it. */
    private void probe() {
        boolean reached = false;
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
            reached = true;
        } catch (SQLException | RuntimeException stillDown) {
            LOG.debug("database probe failed: {}", stillDown.toString());
        } finally {
            availability.probed(reached).ifPresent(downFor ->
                    LOG.info("the database is reachable again, after {} ms", downFor.toMillis()));
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
