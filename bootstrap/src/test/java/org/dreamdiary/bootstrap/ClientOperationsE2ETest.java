package org.dreamdiary.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.dreamdiary.client.DreamDiaryClient;
import org.dreamdiary.client.error.NotFoundException;
import org.dreamdiary.client.error.ServiceUnavailableException;
import org.dreamdiary.client.model.DatabaseHealth;
import org.dreamdiary.client.model.VersionInfo;
import org.junit.jupiter.api.Test;

/** The Java client's operations group (health, version, metrics, documentation) against the running service. */
class ClientOperationsE2ETest extends ClientTest {
    @Test
    void healthVersionAndTheDatabaseAnswerASignedOutClient() {
        DreamDiaryClient client = newClient();

        assertThat(client.operations().health().execute().status()).isEqualTo("ok");
        DatabaseHealth database = client.operations().databaseHealth().execute();
        assertThat(database.status()).isEqualTo("ok");
        assertThat(database.database()).isEqualTo("up");
        assertThat(database.latencyMs()).isBetween(0L, 3_000L);
        VersionInfo version = client.operations().version().execute();
        assertThat(version.version()).isNotBlank();
        assertThat(version.java()).isEqualTo(Runtime.version().toString());
        assertThat(version.startedAt()).isBefore(Instant.now());
    }

    @Test
    void metricsAreThePrometheusText() {
        DreamDiaryClient client = signedIn();
        client.operations().health().execute();

        assertThat(client.operations().metrics().execute())
                .contains("http_server_requests_seconds_bucket{method=\"GET\",route=\"/health\",status=\"200\",le=")
                .contains("jvm_memory_used_bytes");
    }

    @Test
    void theOpenApiDocumentIsTheJsonOfTheApi() throws IOException {
        JsonNode document = new ObjectMapper().readTree(newClient().operations().openApiDocument().execute());

        assertThat(document.get("openapi").asText()).isEqualTo("3.1.0");
        assertThat(document.get("paths").has("/api/v1/users/me/export")).isTrue();
    }

    @Test
    void swaggerUiAndRedocComeWithTheirAssetsFromTheService() {
        DreamDiaryClient client = newClient();

        assertThat(client.operations().swaggerUi().execute()).contains("/docs/swagger-ui-bundle.js");
        assertThat(client.operations().swaggerUiAsset("swagger-ui-bundle.js").execute()).hasSizeGreaterThan(100_000);
        assertThat(client.operations().swaggerUiAsset("swagger-ui.css").execute()).isNotEmpty();
        assertThat(client.operations().redoc().execute()).contains("/redoc/redoc.standalone.js");
        assertThat(client.operations().redocAsset("redoc.standalone.js").execute()).hasSizeGreaterThan(100_000);
    }

    @Test
    void anUnknownAssetIsNotFoundAndANameCannotReachAnotherPath() {
        DreamDiaryClient client = newClient();

        assertThatThrownBy(() -> client.operations().swaggerUiAsset("no-such-file.js").execute())
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> client.operations().redocAsset("../openapi.json").execute())
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void whileTheDatabaseIsDownItsHealthIsServiceUnavailableAtOnce() {
        UnreachableDatabase database = new UnreachableDatabase();
        try (RunningService flaky = RunningService.start(database::decorate)) {
            DreamDiaryClient client = track(DreamDiaryClient.builder(flaky.baseUri()).build());
            assertThat(client.operations().databaseHealth().execute().database()).isEqualTo("up");

            database.down(true);
            long started = System.nanoTime();
            assertThatThrownBy(() -> client.operations().databaseHealth().execute())
                    .isInstanceOfSatisfying(ServiceUnavailableException.class, unavailable -> {
                        assertThat(unavailable.status()).isEqualTo(503);
                        assertThat(unavailable.retryAfter()).contains(Duration.ofSeconds(5));
                    });
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("not retried: no Retry-After waited")
                    .isLessThan(Duration.ofSeconds(5));
            assertThat(client.operations().health().execute().status()).as("the process lives on").isEqualTo("ok");
        }
    }
}
