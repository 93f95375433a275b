package org.dreamdiary.client.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.dreamdiary.client.call.Call;
import org.dreamdiary.client.internal.Body;
import org.dreamdiary.client.internal.Request;
import org.dreamdiary.client.internal.Transport;
import org.dreamdiary.client.model.DatabaseHealth;
import org.dreamdiary.client.model.Health;
import org.dreamdiary.client.model.VersionInfo;

/**
 * Operations at the service's root: health, the running version, metrics and the API's documentation. None of them
 * needs a session, so they are sent without a token, and they work on a signed-out client.
 */
public final class OperationsApi {
    private final Transport transport;

    public OperationsApi(Transport transport) {
        this.transport = transport;
    }

    /** Whether the process answers at all; it does not ask the database. */
    @OperationId("getHealth")
    public Call<Health> health() {
        return get("/health", Body.json(Health.class));
    }

    /**
     * Whether the service reaches its database, with the round trip of a probe query. When it cannot, the service
     * answers {@code 503}, thrown as {@code ServiceUnavailableException} at once: this probe is never retried, since
     * its failure is the answer.
     */
    @OperationId("getDatabaseHealth")
    public Call<DatabaseHealth> databaseHealth() {
        return transport.call(Request.get("/health/db").anonymous().once(), Body.json(DatabaseHealth.class));
    }

    @OperationId("getVersion")
    public Call<VersionInfo> version() {
        return get("/health/version", Body.json(VersionInfo.class));
    }

    /** The service's metrics in the Prometheus text exposition format. */
    @OperationId("getMetrics")
    public Call<String> metrics() {
        return get("/metrics", Body.text());
    }

    /** The OpenAPI 3.1 document of the API, as JSON text. */
    @OperationId("getOpenApiDocument")
    public Call<String> openApiDocument() {
        return get("/openapi.json", Body.text());
    }

    /** The HTML page that renders the API's document with Swagger UI. */
    @OperationId("getSwaggerUi")
    public Call<String> swaggerUi() {
        return get("/docs", Body.text());
    }

    /** A script, style sheet or icon of the Swagger UI page, by file name ({@code swagger-ui-bundle.js}). */
    @OperationId("getSwaggerUiAsset")
    public Call<byte[]> swaggerUiAsset(String name) {
        return get("/docs/" + segment(name), Body.bytes());
    }

    /** The HTML page that renders the API's document with ReDoc. */
    @OperationId("getRedoc")
    public Call<String> redoc() {
        return get("/redoc", Body.text());
    }

    /** A file of the ReDoc page, by name ({@code redoc.standalone.js}). */
    @OperationId("getRedocAsset")
    public Call<byte[]> redocAsset(String name) {
        return get("/redoc/" + segment(name), Body.bytes());
    }

    private <T> Call<T> get(String path, Body<T> body) {
        return transport.call(Request.get(path).anonymous(), body);
    }

    /** {@code name} as one path segment: a slash in it cannot reach another path. */
    private static String segment(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
