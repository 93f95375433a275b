package org.dreamdiary.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.dreamdiary.adapter.http.ops.ApiDocsRoutes;
import org.dreamdiary.testsupport.http.ApiClient;
import org.dreamdiary.testsupport.http.ApiClient.ApiResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /health/db} asks the database for real: when the database goes away, it says so with a 503. The outage
 * begins on an idle service here; {@link DatabaseOutageE2ETest} stops the database under load.
 */
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
            String auth = Accounts.bearer(Accounts.register(api, Accounts.uniqueName("idle")));

            postgres.close();

            // Nothing was in flight, so the first request meets the outage in the pool: within its 1 s timeout.
            long asked = System.nanoTime();
            ApiResponse down = api.get("/health/db");
            long answeredMillis = Duration.ofNanos(System.nanoTime() - asked).toMillis();
            System.out.println("database outage on an idle service: first answer after " + answeredMillis + " ms");
            assertThat(answeredMillis).isLessThan(5_000);
            assertThat(down.status()).isEqualTo(503);
            assertThat(down.json().get("database").asText()).isEqualTo("down");
            assertThat(down.header("Retry-After")).isEqualTo("5");
            assertThat(api.get("/health").status()).isEqualTo(200);

            // Now the outage is known: an API request is refused at once, token or not.
            asked = System.nanoTime();
            ApiResponse refused = api.get("/api/v1/users/me", "Authorization", auth);
            assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(1));
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.header("Retry-After")).isEqualTo("1");
        } finally {
            application.close();
            postgres.close();
        }
    }
}
