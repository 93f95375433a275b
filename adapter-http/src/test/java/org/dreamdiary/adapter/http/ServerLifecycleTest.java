package org.dreamdiary.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.dreamdiary.testsupport.LogCapture;
import org.dreamdiary.testsupport.http.ApiClient.ApiResponse;
import org.junit.jupiter.api.Test;

/** How the server runs requests, logs them, and stops. */
class ServerLifecycleTest {
    @Test
    void givenRequestInFlight_whenStopping_thenItFinishesAndNewConnectionsAreRefused() throws Exception {
        ProbeServer server = new ProbeServer();
        int port = server.port();
        CompletableFuture<ApiResponse> inFlight = CompletableFuture.supplyAsync(() -> server.client().get("/probe/slow?ms=800"));
        server.awaitSlowRequest();

        long started = System.nanoTime();
        server.close();
        long stopMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(inFlight.get(5, TimeUnit.SECONDS).status()).isEqualTo(200);
        assertThat(stopMillis).as("waited for the request, not for the whole grace period")
                .isBetween(300L, ProbeServer.SHUTDOWN_GRACE.toMillis() - 500);
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(IOException.class);
    }

    @Test
    void givenIdleKeepAliveConnection_whenStopping_thenTheStopDoesNotWaitForIt() {
        ProbeServer server = new ProbeServer();
        assertThat(server.client().get("/probe/notes").status()).isEqualTo(200);

        long started = System.nanoTime();
        server.close();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).as("far less than the grace period")
                .isLessThan(ProbeServer.SHUTDOWN_GRACE.toMillis() / 3);
    }

    @Test
    void requestsRunOnVirtualThreadsWhereTheJvmHasThem() {
        try (ProbeServer server = new ProbeServer()) {
            boolean virtual = server.client().get("/probe/thread").json().get("virtual").asBoolean();
            assertThat(virtual).isEqualTo(Runtime.version().feature() >= 21);
        }
    }

    @Test
    void everyRequestGetsOneAccessLogLineWithRouteTemplateStatusDurationAndRequestId() {
        try (ProbeServer server = new ProbeServer(); LogCapture log = LogCapture.of("org.dreamdiary.access")) {
            server.client().get("/probe/notes/0190b8a0-0000-7000-8000-000000000001?secret=token", "X-Request-Id", "access-1");
            assertThat(log.lines()).singleElement().satisfies(line -> {
                assertThat(line.message()).matches("GET /probe/notes/\\{id} 404 \\d+\\.\\dms");
                assertThat(line.context()).containsEntry("request_id", "access-1");
                assertThat(line.fullText()).doesNotContain("secret").doesNotContain("0190b8a0");
            });
        }
    }
}
