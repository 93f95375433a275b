package org.dreamdiary.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.dreamdiary.adapter.http.ops.ApiDocsRoutes;
import org.dreamdiary.testsupport.http.ApiClient;
import org.dreamdiary.testsupport.http.ApiClient.ApiResponse;
import org.junit.jupiter.api.Test;

/** API.md §7 end to end: the whole service on real PostgreSQL, over a real socket. */
class OperationsRoutesTest extends ServiceTest {

    @Test
    void healthSaysTheProcessIsAlive() {
        ApiResponse response = api.get("/health");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text()).isEqualTo("{\"status\":\"ok\"}");
        assertThat(response.header("Content-Type")).isEqualToIgnoringWhitespace("application/json;charset=utf-8");
    }

    @Test
    void databaseHealthReallyAsksTheDatabase() {
        ApiResponse response = api.get("/health/db");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("database").asText()).isEqualTo("up");
        assertThat(response.json().get("latency_ms").asLong()).isBetween(0L, 3_000L);
    }

    @Test
    void versionNamesTheBuildTheJavaRuntimeAndTheStart() {
        ApiResponse response = api.get("/health/version");
        assertThat(response.json().get("version").asText()).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(response.json().get("java").asText()).isEqualTo(Runtime.version().toString());
        assertThat(Instant.parse(response.json().get("started_at").asText())).isBefore(Instant.now());
    }

    @Test
    void metricsShowPerRouteLatencyHistogramsPoolAndJvmFigures() {
        api.get("/health");
        ApiResponse response = api.get("/metrics");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("text/plain");
        assertThat(response.text())
                .contains("http_server_requests_seconds_bucket{method=\"GET\",route=\"/health\",status=\"200\",le=")
                .contains("hikaricp_connections_active{pool=\"dream-diary\"}")
                .contains("jvm_memory_used_bytes")
                .contains("jvm_threads_live_threads");
    }

    @Test
    void metricsLabelUnknownRoutesAsUnmatchedNotByTheirPath() {
        api.get("/no/such/thing/12345");
        assertThat(api.get("/metrics").text())
                .contains("route=\"unmatched\",status=\"404\"")
                .doesNotContain("12345");
    }

    @Test
    void openApiDocumentIsServedAsJson() {
        ApiResponse response = api.get("/openapi.json");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json()).isEqualTo(ApiDocsRoutes.document());
        assertThat(response.json().get("openapi").asText()).isEqualTo("3.1.0");
    }

    @Test
    void swaggerUiAndRedocAreServedFromTheServiceItselfWithNoCdn() {
        ApiResponse docs = api.get("/docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.text()).contains("/docs/swagger-ui-bundle.js").doesNotContain("https://");
        assertThat(api.get("/docs/swagger-ui-bundle.js").body().length).isGreaterThan(100_000);
        assertThat(api.get("/docs/swagger-ui.css").status()).isEqualTo(200);

        ApiResponse redoc = api.get("/redoc");
        assertThat(redoc.text()).contains("/redoc/redoc.standalone.js").doesNotContain("https://");
        assertThat(api.get("/redoc/redoc.standalone.js").body().length).isGreaterThan(100_000);
    }

    @Test
    void docsServeOnlyTheirOwnAssets() {
        assertThat(api.get("/docs/package.json").status()).isEqualTo(404);
        ApiResponse traversal = api.get("/docs/..%2F..%2Fpom.xml");
        assertThat(traversal.status()).isEqualTo(400);
        assertThat(traversal.header("Content-Type")).startsWith("application/problem+json");
        assertThat(traversal.text()).doesNotContain("<project");
    }

    @Test
    void unknownRoutesAndWrongMethodsAreProblems() {
        ApiResponse missing = api.get("/api/v1/nothing-here");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
        assertThat(missing.json().get("request_id").asText()).isEqualTo(missing.header("X-Request-Id"));

        ApiResponse wrongMethod = api.delete("/health");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.header("Allow")).isEqualTo("GET");
        assertThat(wrongMethod.json().get("type").asText()).isEqualTo("/problems/method-not-allowed");
    }
}
