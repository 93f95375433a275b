package org.dreamdiary.adapter.http.conditional;

import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import org.dreamdiary.adapter.http.json.Json;
import org.dreamdiary.adapter.http.routing.Respond;
import org.dreamdiary.application.change.ExpectedVersion;

/**
 * Conditional requests. A single resource's strong ETag is a {@link VersionTag}: its version and a digest of the
 * representation's bytes. {@code If-None-Match} compares whole tags, so {@code 304} means the very bytes the client
 * holds. {@code If-Match} becomes the {@link ExpectedVersion} handed to the use case that writes, which requires it in
 * the writing statement: a tag of the current version matches even when derived values in the body have moved since
 * (a goal's progress, say), as they are not what the change could overwrite.
 */
public final class Conditional {
    private Conditional() {
    }

    /**
     * Answers a single-resource {@code GET}: {@code 304} when the client's copy is current, else {@code 200} with the
     * representation and its ETag.
     */
    public static void respond(Context ctx, long version, Object representation) {
        byte[] body = Json.write(representation);
        String etag = VersionTag.of(version, body);
        ctx.header("ETag", etag);
        if (isCurrent(ctx, etag)) {
            ctx.status(304);
            return;
        }
        Respond.bytes(ctx, 200, body);
    }

    /** Answers a change with the resource as it is now and its ETag, which the next {@code If-Match} may name. */
    public static void respondChanged(Context ctx, long version, Object representation) {
        byte[] body = Json.write(representation);
        ctx.header("ETag", VersionTag.of(version, body));
        Respond.bytes(ctx, 200, body);
    }

    /** Whether the request's {@code If-None-Match} names {@code etag}: the client's copy is current ({@code 304}). */
    public static boolean isCurrent(Context ctx, String etag) {
        return names(ctx.header("If-None-Match"), etag);
    }

    /** The request's {@code If-Match} as the version the change expects; none without the header. */
    public static ExpectedVersion ifMatch(Context ctx) {
        return expectedVersion(ctx.header("If-Match"));
    }

    /**
     * {@code *} is any version of a resource that is there. Otherwise each strong tag of ours names its version;
     * weak tags (which {@code If-Match} never matches, RFC 9110 §13.1.1) and tags this service does not give name
     * none, so a header of only those is a condition nothing meets.
     */
    static ExpectedVersion expectedVersion(String ifMatch) {
        if (ifMatch == null) {
            return ExpectedVersion.none();
        }
        List<String> tags = tags(ifMatch);
        if (tags.contains("*")) {
            return ExpectedVersion.any();
        }
        return ExpectedVersion.oneOf(tags.stream().map(VersionTag::versionOf)
                .flatMapToLong(OptionalLong::stream).boxed().toList());
    }

    /**
     * Whether a list of entity tags names {@code etag}, by weak comparison as {@code If-None-Match} has it
     * (RFC 9110 §13.1.2): {@code W/"x"} names {@code "x"}, and {@code *} names anything.
     */
    static boolean names(String header, String etag) {
        return header != null && tags(header).stream().anyMatch(candidate -> candidate.equals("*")
                || candidate.equals(etag) || candidate.equals("W/" + etag));
    }

    /** The tags of a list header; no tag of ours holds a comma, so a comma can only separate them. */
    private static List<String> tags(String header) {
        return Arrays.stream(header.split(",")).map(String::trim).filter(tag -> !tag.isEmpty()).toList();
    }
}
