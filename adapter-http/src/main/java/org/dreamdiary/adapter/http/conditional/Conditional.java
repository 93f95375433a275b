package org.dreamdiary.adapter.http.conditional;

import io.javalin.http.Context;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.Function;
import org.dreamdiary.adapter.http.json.Json;
import org.dreamdiary.adapter.http.routing.Respond;
import org.dreamdiary.application.change.Precondition;

/**
 * Conditional requests. A representation's strong ETag is a digest of its exact JSON bytes, so it changes
 * whenever anything in the body does. {@code If-None-Match} gives {@code 304}. {@code If-Match} on a change
 * becomes a {@link Precondition} that the writing use case checks in its own transaction, against the resource as
 * it is then; its writing statement requires the version it checked, so two writers holding the same ETag
 * cannot both win, and a resource that is gone fails it ({@code 412}).
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
        if (isCurrent(ctx, etag)) {
            ctx.status(304);
            return;
        }
        Respond.bytes(ctx, 200, body);
    }

    /** Whether the request's {@code If-None-Match} names {@code etag}: the client's copy is current ({@code 304}). */
    public static boolean isCurrent(Context ctx, String etag) {
        return matches(ctx.header("If-None-Match"), etag, true);
    }

    /**
     * The request's {@code If-Match} as what a change requires of the resource: met while the ETag of its
     * {@code representation} is one the header names. No precondition without the header.
     */
    public static <T> Precondition<T> ifMatch(Context ctx, Function<? super T, ?> representation) {
        String ifMatch = ctx.header("If-Match");
        return ifMatch == null ? Precondition.none()
                : Precondition.requiring(current -> matches(ifMatch, etagOf(representation.apply(current)), false));
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
