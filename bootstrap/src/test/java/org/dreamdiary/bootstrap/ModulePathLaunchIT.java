package org.dreamdiary.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dreamdiary.bootstrap.PackagedService.freePort;
import static org.dreamdiary.bootstrap.PackagedService.launch;
import static org.dreamdiary.bootstrap.PackagedService.status;
import static org.dreamdiary.bootstrap.PackagedService.waitUntilHealthy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.dreamdiary.testsupport.TestDatabase;
import org.dreamdiary.testsupport.TestSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged service as an operator runs it: {@code java --module-path … --module org.dreamdiary.bootstrap/…},
 * a separate process, stopped with SIGTERM. Runs after {@code package}, when {@code target/modules} exists.
 */
class ModulePathLaunchIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JWT_SECRET = "launch-test-secret-that-must-never-be-logged";

    @TempDir
    Path dataDir;

    @Test
    void givenExternalDatabaseAndJsonLogs_whenStartedOnTheModulePathAndSentSigterm_thenItServesLogsJsonAndExitsCleanly()
            throws Exception {
        TestSchema schema = TestDatabase.freshSchema();
        int port = freePort();
        Path output = dataDir.resolve("output.log");
        Process service = launch(output, Map.of(
                "PORT", Integer.toString(port),
                "DATA_DIR", dataDir.toString(),
                "DATABASE_URL", schema.jdbcUrl(),
                "DATABASE_USER", schema.user(),
                "DATABASE_PASSWORD", schema.password(),
                "LOG_FORMAT", "json",
                "JWT_SECRET", JWT_SECRET));
        try {
            long readyMillis = waitUntilHealthy(service, port);
            System.out.printf("start to ready, external PostgreSQL: %d ms%n", readyMillis);
            assertThat(status(port, "/health/db", "launch-check-1")).isEqualTo(200);
        } finally {
            service.destroy();
        }
        assertThat(service.waitFor(15, TimeUnit.SECONDS)).as("exited after SIGTERM").isTrue();
        assertThat(service.exitValue()).isEqualTo(143);

        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(output, StandardCharsets.UTF_8)) {
            lines.add(JSON.readTree(line));
        }
        assertThat(lines).as("one JSON object per line").allSatisfy(line -> assertThat(line.isObject()).isTrue());
        assertThat(lines).anySatisfy(line -> {
            assertThat(line.get("loggerName").asText()).isEqualTo("org.dreamdiary.access");
            assertThat(line.get("formattedMessage").asText()).startsWith("GET /health/db 200 ");
            assertThat(line.get("mdc").get("request_id").asText()).isEqualTo("launch-check-1");
        });
        assertThat(lines).anySatisfy(line -> assertThat(line.get("formattedMessage").asText()).isEqualTo("stopped"));
        assertThat(Files.readString(output)).as("secrets are never logged").doesNotContain(JWT_SECRET);
    }

    @Test
    void givenNoDatabaseUrl_whenStarted_thenItRunsOnTheEmbeddedDatabaseUnderDataDirAndStopsIt() throws Exception {
        int port = freePort();
        Process service = launch(dataDir.resolve("output.log"), Map.of(
                "PORT", Integer.toString(port),
                "DATA_DIR", dataDir.toString()));
        try {
            long readyMillis = waitUntilHealthy(service, port);
            System.out.printf("start to ready, embedded PostgreSQL: %d ms%n", readyMillis);
            assertThat(status(port, "/health/db", "embedded-1")).isEqualTo(200);
            assertThat(dataDir.resolve("postgres").resolve("PG_VERSION")).exists();
            assertThat(dataDir.resolve(EmbeddedPostgresServer.PASSWORD_FILE)).exists();
        } finally {
            service.destroy();
        }
        assertThat(service.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(dataDir.resolve("postgres").resolve("postmaster.pid")).as("the embedded PostgreSQL was stopped").doesNotExist();
    }

    @Test
    void givenBadConfiguration_whenStarted_thenItExitsWithOneLineNamingTheVariable() throws Exception {
        Path output = dataDir.resolve("output.log");
        Process service = launch(output, Map.of("PORT", "eighty", "DATA_DIR", dataDir.toString()));
        assertThat(service.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(service.exitValue()).isEqualTo(2);
        assertThat(Files.readAllLines(output)).containsExactly(
                "dream-diary: cannot start: PORT must be an integer from 0 to 65535, got \"eighty\"");
    }
}
