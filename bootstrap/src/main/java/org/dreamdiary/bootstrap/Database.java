package org.dreamdiary.bootstrap;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;
import org.dreamdiary.bootstrap.Config.ExternalDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's PostgreSQL behind a HikariCP pool: the configured server, or, when none is configured, an
 * embedded PostgreSQL whose data lives under {@code DATA_DIR/postgres} and so survives restarts.
 */
final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    /**
     * The driver copies the server's error detail, which quotes row values ("Key (username)=(ann)"), into exception
     * messages, and so into the log. Off for every connection; a parameter of the configured URL still wins.
     */
    private static final String SERVER_ERROR_DETAIL = "logServerErrorDetail";

    private final Optional<EmbeddedPostgres> embedded;
    private final ExternalDatabase target;
    private final HikariDataSource pool;

    private Database(Optional<EmbeddedPostgres> embedded, ExternalDatabase target, HikariDataSource pool) {
        this.embedded = embedded;
        this.target = target;
        this.pool = pool;
    }

    static Database open(Config config, MeterRegistry metrics) {
        Optional<EmbeddedPostgres> embedded = config.database().isEmpty()
                ? Optional.of(startEmbedded(config.dataDir().resolve("postgres")))
                : Optional.empty();
        ExternalDatabase target = config.database().orElseGet(() -> new ExternalDatabase(
                embedded.orElseThrow().getJdbcUrl("postgres", "postgres"), "postgres", ""));
        try {
            return new Database(embedded, target, pool(target, config.poolSize(), metrics));
        } catch (RuntimeException e) {
            embedded.ifPresent(Database::stopQuietly);
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
        embedded.ifPresent(Database::stopQuietly);
    }

    private static HikariDataSource pool(ExternalDatabase target, int size, MeterRegistry metrics) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("dream-diary");
        hikari.setJdbcUrl(target.jdbcUrl());
        hikari.setUsername(target.user());
        hikari.setPassword(target.password());
        hikari.addDataSourceProperty(SERVER_ERROR_DETAIL, "false");
        hikari.setMaximumPoolSize(size);
        // Fail fast when the database is gone, so callers get an answer instead of a hang.
        hikari.setConnectionTimeout(3_000);
        hikari.setValidationTimeout(1_000);
        // Start even while the database is still down; the pool connects once it is back.
        hikari.setInitializationFailTimeout(-1);
        hikari.setMetricRegistry(metrics);
        return new HikariDataSource(hikari);
    }

    private static EmbeddedPostgres startEmbedded(Path directory) {
        try {
            Files.createDirectories(directory);
            LOG.info("starting the embedded PostgreSQL with its data in {}", directory);
            return EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded PostgreSQL did not start in " + directory, e);
        }
    }

    private static void stopQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("the embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
