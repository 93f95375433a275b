package org.dreamdiary.adapter.http.idempotency;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dreamdiary.adapter.http.auth.Authentication;
import org.dreamdiary.adapter.http.request.JsonBody;
import org.dreamdiary.adapter.http.request.MultipartUploads;
import org.dreamdiary.adapter.http.routing.RouteWrapper;
import org.dreamdiary.adapter.http.routing.Router;
import org.dreamdiary.application.idempotency.IdempotencyKey;
import org.dreamdiary.application.idempotency.RecordedResponse;
import org.dreamdiary.application.port.in.idempotency.RunIdempotently;
import org.dreamdiary.domain.error.InvalidValueException;
import org.dreamdiary.domain.error.ValidationException;

/**
 * {@code Idempotency-Key} on the {@code POST}s of signed-in callers (API.md §1). Without the header a route runs
 * as ever. With it, the route runs inside {@link RunIdempotently}: a retry of a request that succeeded gets the
 * first response again, marked {@code Idempotent-Replayed: true}. The request is known by a SHA-256 of its method,
 * path and body bytes (the very bytes the route then reads). An upload, to a route that takes one, is known by what
 * it uploads (part name, file name and the SHA-256 of the file, read from where it was spooled), since its framing
 * differs on every try (the boundary is random) and its bytes do not belong in memory.
 */
public final class IdempotentPosts implements RouteWrapper {
    public static final String KEY_HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    /** The headers that belong to the result and are replayed with it; the others belong to one exchange. */
    private static final List<String> KEPT_HEADERS = List.of("Location", "Content-Type", "ETag");

    private final RunIdempotently runIdempotently;
    private final Authentication authentication;
    private final MultipartUploads uploads;

    public IdempotentPosts(RunIdempotently runIdempotently, Authentication authentication, MultipartUploads uploads) {
        this.runIdempotently = runIdempotently;
        this.authentication = authentication;
        this.uploads = uploads;
    }

    @Override
    public Handler wrap(Handler route) {
        return ctx -> {
            String header = ctx.header(KEY_HEADER);
            if (header == null) {
                route.handle(ctx);
                return;
            }
            var caller = authentication.require(ctx).user();
            IdempotencyKey key = key(header);
            byte[] requestHash = requestHash(ctx);
            try {
                var outcome = runIdempotently.run(caller, key, requestHash, () -> runAndRecord(route, ctx));
                if (outcome.replayed()) {
                    replay(ctx, outcome.response());
                }
            } catch (CheckedFailure failure) {
                throw failure.getCause();
            }
        };
    }

    private static IdempotencyKey key(String header) {
        try {
            return new IdempotencyKey(header);
        } catch (InvalidValueException e) {
            throw ValidationException.of(KEY_HEADER, e.getMessage());
        }
    }

    private byte[] requestHash(Context ctx) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            String target = ctx.queryString() == null ? ctx.path() : ctx.path() + "?" + ctx.queryString();
            sha256.update((ctx.method().name() + " " + target + "\n").getBytes(StandardCharsets.UTF_8));
            if (Router.takesUploads(ctx) && MultipartUploads.isMultipart(ctx.req())) {
                uploads.file(ctx).fingerprint(sha256);
                return sha256.digest();
            }
            return sha256.digest(JsonBody.bytes(ctx));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Runs the route and takes down what it answered, leaving the answer in place to be sent. */
    private static RecordedResponse runAndRecord(Handler route, Context ctx) {
        try {
            route.handle(ctx);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new CheckedFailure(e);
        }
        byte[] body = new byte[0];
        try (InputStream result = ctx.resultInputStream()) {
            if (result != null) {
                body = result.readAllBytes();
                ctx.result(body);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading back the response failed", e);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : KEPT_HEADERS) {
            String value = ctx.res().getHeader(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        return new RecordedResponse(ctx.statusCode(), headers, body);
    }

    private static void replay(Context ctx, RecordedResponse response) {
        ctx.status(response.status());
        response.headers().forEach((name, value) -> {
            if (name.equals("Content-Type")) {
                ctx.contentType(value);
            } else {
                ctx.header(name, value);
            }
        });
        ctx.header(REPLAYED_HEADER, "true");
        ctx.result(response.body());
    }

    /** Carries a checked exception of a route through the work, which may throw only unchecked ones. */
    private static final class CheckedFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CheckedFailure(Exception cause) {
            super(cause);
        }

        @Override
        public synchronized Exception getCause() {
            return (Exception) super.getCause();
        }
    }
}
