package org.dreamdiary.adapter.http.routing;

import io.javalin.http.Context;
import java.util.UUID;
import org.dreamdiary.adapter.http.json.Uuids;
import org.dreamdiary.domain.error.NotFoundException;

/** Ids in paths: a malformed one names nothing, so it is a {@code 404}, never a {@code 400} or a {@code 500}. */
public final class PathIds {
    private PathIds() {
    }

    public static UUID uuid(Context ctx, String param, String what) {
        UUID id = Uuids.parseOrNull(ctx.pathParam(param));
        if (id == null) {
            throw new NotFoundException(what);
        }
        return id;
    }
}
