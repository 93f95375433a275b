package org.dreamdiary.adapter.http.routing;

/** The routes of one area of the API, registered on the shared {@link Router}. */
@FunctionalInterface
public interface RouteGroup {
    void register(Router router);
}
