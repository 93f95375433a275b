package org.dreamdiary.adapter.http.routing;

import io.javalin.http.Handler;

/** Something every route of a kind goes through, wrapped around the route's own handler. */
@FunctionalInterface
public interface RouteWrapper {
    Handler wrap(Handler handler);
}
