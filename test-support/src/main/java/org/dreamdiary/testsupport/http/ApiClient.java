package org.dreamdiary.testsupport.http;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The end-to-end tests' HTTP client: real requests through a real socket, and every response it receives is
 * checked against the OpenAPI document (status, headers, body schema) before the test sees it.
 * Only requests that are deliberately absent from the document (an unknown path, a wrong method) cannot be
 * matched to an operation; the tests that send them check the problem body themselves.
 */
public final class ApiClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final String openApiDocument;
    private final OpenApiInteractionValidator validator;
    private OpenApiInteractionValidator schemaValidator;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public ApiClient(URI base, String openApiDocument) {
        this.base = base;
        this.openApiDocument = openApiDocument;
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(openApiDocument)
                .withLevelResolver(LevelResolver.create()
                        // unknown routes and wrong methods are absent from the document by design
                        .withLevel("validation.request.path.missing", ValidationReport.Level.IGNORE)
                        .withLevel("validation.request.operation.notAllowed", ValidationReport.Level.IGNORE)
                        .build())
                .build();
    }

    public ApiResponse get(String path, String... headers) {
        return send("GET", path, null, null, headers);
    }

    public ApiResponse delete(String path, String... headers) {
        return send("DELETE", path, null, null, headers);
    }

    /** A JSON request: {@code Content-Type: application/json} and the text as UTF-8. */
    public ApiResponse json(String method, String path, String json, String... headers) {
        return send(method, path, "application/json", json.getBytes(StandardCharsets.UTF_8), headers);
    }

    /**
     * Sends any request. {@code headers} are name/value pairs; {@code contentType} and {@code body} may be null.
     */
    public ApiResponse send(String method, String path, String contentType, byte[] body, String... headers) {
        return sendStreamed(method, path, contentType,
                body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body), headers);
    }

    /** Sends a request whose body is streamed from {@code body} (a large upload, made as it is sent). */
    public ApiResponse sendStreamed(String method, String path, String contentType, HttpRequest.BodyPublisher body,
                                    String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).method(method, body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            var raw = http.send(request.build(), BodyHandlers.ofByteArray());
            ApiResponse response = new ApiResponse(raw.statusCode(), raw.headers().map(), raw.body());
            check(method, URI.create(path).getPath(), response);
            return response;
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /**
     * Checks a JSON value that arrives outside an HTTP response (a WebSocket frame, say) against one schema of the
     * document's {@code components/schemas}; an {@link AssertionError} lists every mismatch.
     */
    public void checkAgainstSchema(String schemaName, String json) {
        ValidationReport report = schemaValidator().validateResponse(SCHEMA_PATH + schemaName, Request.Method.GET,
                SimpleResponse.Builder.ok().withContentType("application/json").withBody(json).build());
        if (report.hasErrors()) {
            String problems = report.getMessages().stream()
                    .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                    .map(message -> message.getKey() + ": " + message.getMessage())
                    .collect(Collectors.joining("\n  "));
            throw new AssertionError("this does not match the schema " + schemaName + " of the OpenAPI document:\n  "
                    + problems + "\nvalue: " + json);
        }
    }

    private static final String SCHEMA_PATH = "/__schemas/";

    /**
     * A validator of the same document with one made-up {@code GET} per component schema, answering {@code 200} with
     * that schema: the validator checks bodies of operations only.
     */
    private synchronized OpenApiInteractionValidator schemaValidator() {
        if (schemaValidator == null) {
            try {
                var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
                var document = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(openApiDocument);
                var paths = (com.fasterxml.jackson.databind.node.ObjectNode) document.get("paths");
                document.get("components").get("schemas").fieldNames().forEachRemaining(name -> {
                    var operation = paths.putObject(SCHEMA_PATH + name).putObject("get");
                    operation.put("operationId", "__schema_" + name);
                    operation.putObject("responses").putObject("200").put("description", name)
                            .putObject("content").putObject("application/json").putObject("schema")
                            .put("$ref", "#/components/schemas/" + name);
                });
                schemaValidator = OpenApiInteractionValidator.createForInlineApiSpecification(mapper.writeValueAsString(document))
                        .build();
            } catch (IOException e) {
                throw new IllegalStateException("the OpenAPI document cannot be read", e);
            }
        }
        return schemaValidator;
    }

    private void check(String method, String path, ApiResponse response) {
        SimpleResponse.Builder validated = SimpleResponse.Builder.status(response.status());
        response.headers().forEach((name, values) -> validated.withHeader(name, values));
        if (response.body().length > 0) {
            validated.withBody(response.text());
        }
        ValidationReport report = validator.validateResponse(path,
                Request.Method.valueOf(method.toUpperCase(Locale.ROOT)), validated.build());
        if (report.hasErrors()) {
            String problems = report.getMessages().stream()
                    .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                    .map(message -> message.getKey() + ": " + message.getMessage())
                    .collect(Collectors.joining("\n  "));
            throw new AssertionError("response to " + method + " " + path + " (" + response.status()
                    + ") does not match the OpenAPI document:\n  " + problems + "\nbody: " + response.text());
        }
    }

    /** What the server answered. Header names are matched ignoring case. */
    public record ApiResponse(int status, Map<String, List<String>> headers, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public com.fasterxml.jackson.databind.JsonNode json() {
            try {
                return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + text(), e);
            }
        }

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .flatMap(entry -> entry.getValue().stream())
                    .findFirst().orElse(null);
        }
    }
}
