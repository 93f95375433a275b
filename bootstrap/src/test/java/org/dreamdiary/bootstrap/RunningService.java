package org.dreamdiary.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.dreamdiary.adapter.http.ops.ApiDocsRoutes;
import org.dreamdiary.testsupport.TestDatabase;
import org.dreamdiary.testsupport.TestSchema;
import org.dreamdiary.testsupport.http.ApiClient;

/**
 * The whole service, wired exactly as {@code main} wires it, on a random port and a fresh schema of the test
 * PostgreSQL (or, when its environment says {@code STORAGE=memory}, on no database at all); with a client that
 * checks every response against the OpenAPI document.
 */
final class RunningService implements AutoCloseable {
    /** The environment that runs the service in memory: {@code STORAGE=memory}. */
    static final Map<String, String> IN_MEMORY = Map.of("STORAGE", "memory");
    private static final String MEMORY = IN_MEMORY.get("STORAGE");

    private final TestSchema schema;
    private final Map<String, String> extraEnvironment;
    private final UnaryOperator<DataSource> pool;
    private final Path dataDir;
    private final Application application;
    private final ApiClient client;

    private RunningService(TestSchema schema, Map<String, String> extraEnvironment, UnaryOperator<DataSource> pool) {
        this.schema = schema;
        this.extraEnvironment = Map.copyOf(extraEnvironment);
        this.pool = pool;
        this.dataDir = temporaryDataDir();
        Map<String, String> env = new HashMap<>(Map.of(
                "PORT", "0",
                "DATA_DIR", dataDir.toString(),
                "DATABASE_POOL_SIZE", "4",
                "SHUTDOWN_GRACE_SECONDS", "2",
                // every test request comes from one address: the limits against abuse are raised so tests that make
                // many accounts and requests are not refused; the tests of the limits set their own
                "RATE_LIMIT_PER_MINUTE", "1000000",
                "REGISTRATIONS_PER_HOUR", "1000000"));
        if (schema != null) {
            env.putAll(Map.of("DATABASE_URL", schema.jdbcUrl(), "DATABASE_USER", schema.user(),
                    "DATABASE_PASSWORD", schema.password()));
        }
        env.putAll(extraEnvironment);
        this.application = Application.start(Config.fromEnvironment(env), pool);
        this.client = new ApiClient(baseUri(), ApiDocsRoutes.document().toString());
    }

    static RunningService start() {
        return new RunningService(TestDatabase.freshSchema(), Map.of(), UnaryOperator.identity());
    }

    /**
     * The service with extra environment variables (which win over the defaults), on a fresh schema, or in memory
     * when they say {@code STORAGE=memory}.
     */
    static RunningService start(Map<String, String> extraEnvironment) {
        TestSchema schema = MEMORY.equals(extraEnvironment.get("STORAGE")) ? null : TestDatabase.freshSchema();
        return new RunningService(schema, extraEnvironment, UnaryOperator.identity());
    }

    /** The service on a fresh schema, its storage using the pool as {@code pool} decorates it (to watch it). */
    static RunningService start(UnaryOperator<DataSource> pool) {
        return new RunningService(TestDatabase.freshSchema(), Map.of(), pool);
    }

    /**
     * A second node of the same service: another instance on its own port and data directory, on this node's
     * schema and with its extra environment. For tokens to work on both, that environment sets {@code JWT_SECRET}.
     */
    RunningService anotherNode() {
        return new RunningService(schema, extraEnvironment, pool);
    }

    /** A node as {@link #anotherNode()} gives, its environment changed by {@code changes} (its port, say). */
    RunningService anotherNodeWith(Map<String, String> changes) {
        Map<String, String> environment = new HashMap<>(extraEnvironment);
        environment.putAll(changes);
        return new RunningService(schema, environment, pool);
    }

    ApiClient client() {
        return client;
    }

    Application application() {
        return application;
    }

    /** Whether this service's data is in a schema of the test database (else in memory). */
    boolean keepsDataInDatabase() {
        return schema != null;
    }

    /** The schema this service's data is in; there is none for a service that keeps its data in memory. */
    TestSchema schema() {
        if (schema == null) {
            throw new IllegalStateException("this service keeps its data in memory: there is no schema to look at");
        }
        return schema;
    }

    /** This node's data directory (unless the extra environment named another). */
    Path dataDir() {
        return dataDir;
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + application.port());
    }

    @Override
    public void close() {
        application.close();
    }

    private static Path temporaryDataDir() {
        try {
            return Files.createTempDirectory("dream-diary-test-data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
