package org.dreamdiary.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dreamdiary.adapter.http.network.CorsOrigins;
import org.dreamdiary.adapter.http.ops.ApiDocsRoutes;
import org.dreamdiary.testsupport.http.ApiClient;

/** The HTTP adapter on a random port with the probe routes, and a client validating against document + probe paths. */
final class ProbeServer implements AutoCloseable {
    /** How long a stop waits for requests in flight. */
    static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(3);

    private final ProbeRoutes probes = new ProbeRoutes();
    private final HttpApi api;
    private final ApiClient client;

    ProbeServer() {
        api = new HttpApi(new SimpleMeterRegistry(), SHUTDOWN_GRACE, Duration.ofSeconds(10), handler -> handler,
                CorsOrigins.none(), List.of(probes))
                .start("127.0.0.1", 0);
        client = new ApiClient(URI.create("http://127.0.0.1:" + api.port()), documentWithProbes());
    }

    int port() {
        return api.port();
    }

    ApiClient client() {
        return client;
    }

    /** Waits until a request to {@code /probe/slow} is in its handler. */
    void awaitSlowRequest() throws InterruptedException {
        if (!probes.slowRequestsStarted.tryAcquire(10, TimeUnit.SECONDS)) {
            throw new AssertionError("no slow request reached the server within 10 s");
        }
    }

    @Override
    public void close() {
        api.stop();
    }

    private static String documentWithProbes() {
        ObjectNode document = (ObjectNode) ApiDocsRoutes.document();
        ((ObjectNode) document.get("paths")).setAll((ObjectNode) yaml("/probe-paths.yaml"));
        ((ObjectNode) document.get("components").get("schemas")).setAll((ObjectNode) yaml("/probe-schemas.yaml"));
        return document.toString();
    }

    private static JsonNode yaml(String resource) {
        try (InputStream in = ProbeServer.class.getResourceAsStream(resource)) {
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
