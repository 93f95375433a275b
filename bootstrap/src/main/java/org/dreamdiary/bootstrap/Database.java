package org.dreamdiary.bootstrap;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;
import org.dreamdiary.bootstrap.Config.ExternalDatabase;

/**
 * The service's PostgreSQL behind a HikariCP pool: the configured server, used as configured, or, when none is
 * configured, the {@link EmbeddedPostgresServer} under {@code DATA_DIR}.
 */
final class Database implements AutoCloseable {
    /**
     * How long a request waits for a connection, in DatabaseGate's queue and then in the pool. Short, to fail fast
     * when the database is gone: the first requests of an outage wait at most this long; once the outage is known,
     * DatabaseGate refuses requests without asking the pool.
     */
    static final Duration CONNECTION_WAIT = Duration.ofSeconds(1);

    /**
     * The driver copies the server's error detail, which quotes row values ("Key (username)=(ann)"), into exception
     * messages, and so into the log. Off for every connection; a parameter of the configured URL still wins.
     */
    private static final String SERVER_ERROR_DETAIL = "logServerErrorDetail";

    private final Optional<EmbeddedPostgresServer> embedded;
    private final ExternalDatabase target;
    private final HikariDataSource pool;

    private Database(Optional<EmbeddedPostgresServer> embedded, ExternalDatabase target, HikariDataSource pool) {
        this.embedded = embedded;
        this.target = target;
        this.pool = pool;
    }

    static Database open(Config config, MeterRegistry metrics) {
        Optional<EmbeddedPostgresServer> embedded = config.database().isEmpty()
                ? Optional.of(EmbeddedPostgresServer.start(config.dataDir()))
                : Optional.empty();
        ExternalDatabase target = config.database().orElseGet(() -> embedded.orElseThrow().connection());
        try {
            return new Database(embedded, target, pool(target, config.poolSize(), metrics));
        } catch (RuntimeException e) {
            embedded.ifPresent(EmbeddedPostgresServer::close);
            throw e;
        }
    }

    DataSource dataSource() {
        return pool;
    }

    /** A connection of its own, outside the pool: for work that holds one for good, such as listening. */
    Connection connectOutsidePool() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", target.user());
        properties.setProperty("password", target.password());
        properties.setProperty(SERVER_ERROR_DETAIL, "false");
        return DriverManager.getConnection(target.jdbcUrl(), properties);
    }

    @Override
    public void close() {
        pool.close();
        embedded.ifPresent(EmbeddedPostgresServer::close);
    }

    private static HikariDataSource pool(ExternalDatabase target, int size, MeterRegistry metrics) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("dream-diary");
        hikari.setJdbcUrl(target.jdbcUrl());
        hikari.setUsername(target.user());
        hikari.setPassword(target.password());
        hikari.addDataSourceProperty(SERVER_ERROR_DETAIL, "false");
        hikari.setMaximumPoolSize(size);
        hikari.setConnectionTimeout(CONNECTION_WAIT.toMillis());
        hikari.setValidationTimeout(500);
        // Start even while the database is still down; the pool connects once it is back.
        hikari.setInitializationFailTimeout(-1);
        hikari.setMetricRegistry(metrics);
        return new HikariDataSource(hikari);
    }
}
