package org.dreamdiary.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.Map;
import org.dreamdiary.adapter.http.ops.ApiDocsRoutes;
import org.dreamdiary.testsupport.http.ApiClient;
import org.dreamdiary.testsupport.http.ApiClient.ApiResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /health/db} asks the database for real: when the database goes away, it says so with a 503. */
class DatabaseOutageTest {
    @TempDir
    Path dataDir;

    @Test
    void givenDatabaseStopped_whenAskingDatabaseHealth_then503WithRetryAfterAndTheProcessStaysAlive() throws Exception {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        Application application = Application.start(Config.fromEnvironment(Map.of(
                "PORT", "0",
                "DATA_DIR", dataDir.toString(),
                "DATABASE_URL", postgres.getJdbcUrl("postgres", "postgres"),
                "DATABASE_USER", "postgres")));
        try {
            ApiClient api = new ApiClient(java.net.URI.create("http://127.0.0.1:" + application.port()),
                    ApiDocsRoutes.document().toString());
            assertThat(api.get("/health/db").status()).isEqualTo(200);

            postgres.close();

            ApiResponse down = api.get("/health/db");
            assertThat(down.status()).isEqualTo(503);
            assertThat(down.json().get("database").asText()).isEqualTo("down");
            assertThat(down.header("Retry-After")).isEqualTo("5");
            assertThat(api.get("/health").status()).isEqualTo(200);
        } finally {
            application.close();
            postgres.close();
        }
    }
}
