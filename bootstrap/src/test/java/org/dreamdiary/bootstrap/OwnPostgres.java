package org.dreamdiary.bootstrap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The service on a PostgreSQL of its own, which a test can stop under it and start again on the same data directory
 * and port, as an operator's restart of the database would.
 */
final class OwnPostgres implements AutoCloseable {
    private final Path postgresDir;
    private final int port;
    private EmbeddedPostgres postgres;
    private final Application application;

    /** Starts PostgreSQL in {@code postgresDir} and the service on it, with {@code environment} beyond the defaults. */
    OwnPostgres(Path postgresDir, Path dataDir, Map<String, String> environment) {
        this.postgresDir = postgresDir;
        this.postgres = start(postgresDir, 0);
        this.port = postgres.getPort();
        Map<String, String> env = new HashMap<>(Map.of(
                "PORT", "0",
                "DATA_DIR", dataDir.toString(),
                "DATABASE_URL", postgres.getJdbcUrl("postgres", "postgres"),
                "DATABASE_USER", "postgres"));
        env.putAll(environment);
        this.application = Application.start(Config.fromEnvironment(env));
    }

    Application application() {
        return application;
    }

    void stopDatabase() {
        close(postgres);
    }

    void startDatabase() {
        postgres = start(postgresDir, port);
    }

    @Override
    public void close() {
        try {
            application.close();
        } finally {
            close(postgres);
        }
    }

    private static EmbeddedPostgres start(Path directory, int port) {
        try {
            return EmbeddedPostgres.builder().setDataDirectory(directory).setCleanDataDirectory(false).setPort(port)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void close(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
