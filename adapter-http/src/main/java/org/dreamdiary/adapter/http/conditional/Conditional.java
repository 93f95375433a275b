package org.dreamdiary.adapter.http.conditional;

import io.javalin.http.Context;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.Supplier;
import org.dreamdiary.adapter.http.json.Json;
import org.dreamdiary.adapter.http.problem.HttpProblem;
import org.dreamdiary.adapter.http.problem.ProblemType;
import org.dreamdiary.adapter.http.routing.Respond;

/**
 * Conditional requests. A representation's strong ETag is a digest of its exact JSON bytes, so it changes
 * whenever anything in the body does. {@code If-None-Match} gives {@code 304}; a stale {@code If-Match} on a
 * change gives {@code 412}. Storage still checks its version column, so two writers holding the same ETag
 * cannot both win.
 */
public final class Conditional {
    private Conditional() {
    }

    public static String etagOf(Object representation) {
        return etagOfBytes(Json.write(representation));
    }

    /** Answers a single-resource {@code GET}: {@code 304} when the client's copy is current, else {@code 200} with an ETag. */
    public static void respond(Context ctx, Object representation) {
        byte[] body = Json.write(representation);
        String etag = etagOfBytes(body);
        ctx.header("ETag", etag);
        if (matches(ctx.header("If-None-Match"), etag, true)) {
            ctx.status(304);
            return;
        }
        Respond.bytes(ctx, 200, body);
    }

    /**
     * Before changing a resource: refuses with {@code 412} when {@code If-Match} is given and names another version.
     * The current representation is only built (and read) when the client sent {@code If-Match}.
     */
    public static void requireIfMatch(Context ctx, Supplier<?> currentRepresentation) {
        String ifMatch = ctx.header("If-Match");
        if (ifMatch != null && !matches(ifMatch, etagOf(currentRepresentation.get()), false)) {
            throw new HttpProblem(ProblemType.PRECONDITION_FAILED,
                    "the resource has changed since it was read (If-Match does not match its ETag)");
        }
    }

    /**
     * Whether a list of entity tags (RFC 9110 §13.1) names {@code etag}; {@code *} names anything.
     * {@code If-Match} uses strong comparison, so a weak tag never matches there.
     */
    static boolean matches(String header, String etag, boolean weakComparison) {
        if (header == null) {
            return false;
        }
        return Arrays.stream(header.split(","))
                .map(String::trim)
                .anyMatch(candidate -> candidate.equals("*")
                        || candidate.equals(etag)
                        || (weakComparison && candidate.startsWith("W/") && candidate.substring(2).equals(etag)));
    }

    private static String etagOfBytes(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 18)) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
