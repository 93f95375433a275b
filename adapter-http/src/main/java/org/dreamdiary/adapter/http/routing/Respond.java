package org.dreamdiary.adapter.http.routing;

import io.javalin.http.Context;
import org.dreamdiary.adapter.http.json.Json;

/** Writes responses the way every route does: JSON in UTF-8, {@code 201} with {@code Location}, {@code 204}. */
public final class Respond {
    public static final String JSON = "application/json; charset=utf-8";

    private Respond() {
    }

    public static void json(Context ctx, int status, Object body) {
        bytes(ctx, status, Json.write(body));
    }

    /** Writes an already serialized JSON body (when its bytes were needed first, e.g. for an ETag). */
    public static void bytes(Context ctx, int status, byte[] json) {
        ctx.status(status).contentType(JSON).result(json);
    }

    /** {@code 201 Created} with the new resource's URL in {@code Location} and the resource as the body. */
    public static void created(Context ctx, String location, Object body) {
        ctx.header("Location", location);
        json(ctx, 201, body);
    }

    public static void noContent(Context ctx) {
        ctx.status(204);
    }
}
