package org.dreamdiary.client.internal;

import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What to send, immutable: every {@code with} returns a new request. Requests are authenticated unless made
 * {@link #anonymous()}.
 */
public final class Request {
    private final String method;
    private final String path;
    private final Supplier<BodyPublisher> body;
    private final String contentType;
    private final boolean repeatableBody;
    private final boolean anonymous;
    private final boolean replayable;
    private final Conditional conditional;
    private final Map<String, String> headers;

    /**
     * A change made only if the resource at {@code resourcePath} is still the version the client last saw; on a
     * {@code 412} the transport reads it as it is now with {@code current}.
     */
    record Conditional(String resourcePath, Body<?> current) {
    }

    private Request(String method, String path, Supplier<BodyPublisher> body, String contentType,
                    boolean repeatableBody, boolean anonymous, boolean replayable, Conditional conditional,
                    Map<String, String> headers) {
        this.method = method;
        this.path = path;
        this.body = body;
        this.contentType = contentType;
        this.repeatableBody = repeatableBody;
        this.anonymous = anonymous;
        this.replayable = replayable;
        this.conditional = conditional;
        this.headers = Map.copyOf(headers);
    }

    private static Request of(String method, String path) {
        return new Request(method, path, BodyPublishers::noBody, null, true, false, false, null, Map.of());
    }

    public static Request get(String path) {
        return of("GET", path);
    }

    public static Request delete(String path) {
        return of("DELETE", path);
    }

    public static Request post(String path, Object json) {
        return of("POST", path).json(json);
    }

    public static Request patch(String path, Object json) {
        return of("PATCH", path).json(json);
    }

    public static Request put(String path, Object json) {
        return of("PUT", path).json(json);
    }

    /** {@code POST} with a body other than JSON; {@code repeatable} says whether {@code body} can be sent again. */
    public static Request post(String path, Supplier<BodyPublisher> body, String contentType, boolean repeatable) {
        return new Request("POST", path, body, contentType, repeatable, false, false, null, Map.of());
    }

    private Request json(Object value) {
        byte[] bytes = Json.write(value);
        return new Request(method, path, () -> BodyPublishers.ofByteArray(bytes), "application/json", true, anonymous,
                replayable, conditional, headers);
    }

    /** Adds {@code name=value} to the query; a {@code null} value adds nothing. */
    public Request query(String name, Object value) {
        if (value == null) {
            return this;
        }
        String pair = encode(name) + "=" + encode(value.toString());
        return new Request(method, path + (path.contains("?") ? "&" : "?") + pair, body, contentType, repeatableBody,
                anonymous, replayable, conditional, headers);
    }

    /** Sent without the access token (registration, logging in, refreshing). */
    public Request anonymous() {
        return new Request(method, path, body, contentType, repeatableBody, true, replayable, conditional, headers);
    }

    /** Safe to send again after a connection failed midway, although it is not a {@code GET}. */
    public Request replayable() {
        return new Request(method, path, body, contentType, repeatableBody, anonymous, true, conditional, headers);
    }

    /** Made only if the resource at {@code resourcePath} is as the client last read it (see {@link Conditional}). */
    public Request ifUnchanged(String resourcePath, Body<?> current) {
        return new Request(method, path, body, contentType, repeatableBody, anonymous, replayable,
                new Conditional(resourcePath, current), headers);
    }

    /** Sent once, whatever the retry policy: for a probe whose failure is itself the answer. */
    public Request once() {
        return new Request(method, path, body, contentType, false, anonymous, replayable, conditional, headers);
    }

    public Request header(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Request(method, path, body, contentType, repeatableBody, anonymous, replayable, conditional, more);
    }

    String method() {
        return method;
    }

    /** The path and query, relative to the service's base address. */
    String path() {
        return path;
    }

    /** The path without its query: what names the resource. */
    String resourcePath() {
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    BodyPublisher body() {
        return body.get();
    }

    String contentType() {
        return contentType;
    }

    Map<String, String> headers() {
        return headers;
    }

    boolean authenticated() {
        return !anonymous;
    }

    Conditional conditional() {
        return conditional;
    }

    /** Authenticated {@code POST}s carry an {@code Idempotency-Key}: the service replays instead of creating twice. */
    boolean takesIdempotencyKey() {
        return method.equals("POST") && !anonymous;
    }

    /** Whether its body can be sent a second time at all. */
    boolean repeatable() {
        return repeatableBody;
    }

    /** Whether a second send is harmless when the first one's fate is unknown (the connection failed midway). */
    boolean replayableAfterConnectionFailure() {
        return repeatableBody && (method.equals("GET") || takesIdempotencyKey() || replayable);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
