package org.dreamdiary.adapter.http.routing;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.websocket.WsConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * Registers routes on Javalin and remembers each one, so the OpenAPI document can be checked against what
 * really exists, and every request knows its route template (for logs and metrics) even when it fails.
 */
public final class Router {
    /** Context attribute holding the matched route template. */
    public static final String ROUTE_ATTRIBUTE = "dreamdiary.route";
    private static final String UPLOAD_ATTRIBUTE = "dreamdiary.route.uploads";

    private final Javalin app;
    private final RouteWrapper authenticatedPosts;
    private final List<Route> routes = new ArrayList<>();

    /** {@code authenticatedPosts} wraps every {@link #post} (idempotency keys), not the {@link #anonymousPost}s. */
    public Router(Javalin app, RouteWrapper authenticatedPosts) {
        this.app = app;
        this.authenticatedPosts = authenticatedPosts;
    }

    public Router get(String path, Handler handler) {
        return add(HandlerType.GET, path, handler);
    }

    /** A {@code POST} for signed-in callers: it accepts {@code Idempotency-Key}. */
    public Router post(String path, Handler handler) {
        return add(HandlerType.POST, path, authenticatedPosts.wrap(handler));
    }

    /**
     * A {@code POST} for signed-in callers that takes uploads ({@code multipart/form-data}) besides JSON; like
     * {@link #post}, it accepts {@code Idempotency-Key}, which knows an upload by its file (see {@link #takesUploads}).
     */
    public Router upload(String path, Handler handler) {
        Handler wrapped = authenticatedPosts.wrap(handler);
        return add(HandlerType.POST, path, ctx -> {
            ctx.attribute(UPLOAD_ATTRIBUTE, Boolean.TRUE);
            wrapped.handle(ctx);
        });
    }

    /** Whether the request's route was registered with {@link #upload}: only such a route reads multipart bodies. */
    public static boolean takesUploads(Context ctx) {
        return Boolean.TRUE.equals(ctx.attribute(UPLOAD_ATTRIBUTE));
    }

    /** A {@code POST} open to anonymous callers (registering, logging in), which ignores {@code Idempotency-Key}. */
    public Router anonymousPost(String path, Handler handler) {
        return add(HandlerType.POST, path, handler);
    }

    public Router put(String path, Handler handler) {
        return add(HandlerType.PUT, path, handler);
    }

    public Router patch(String path, Handler handler) {
        return add(HandlerType.PATCH, path, handler);
    }

    public Router delete(String path, Handler handler) {
        return add(HandlerType.DELETE, path, handler);
    }

    /**
     * A WebSocket endpoint. {@code beforeUpgrade} runs as an ordinary handler on the upgrade request and may refuse
     * it with an HTTP error; a {@code GET} that asks for no upgrade goes to {@code plainGet}. The route is listed
     * as a {@code GET}, which is how the OpenAPI document describes it.
     */
    public Router webSocket(String path, Handler beforeUpgrade, Handler plainGet, Consumer<WsConfig> socket) {
        add(HandlerType.GET, path, plainGet);
        app.wsBeforeUpgrade(path, ctx -> {
            ctx.attribute(ROUTE_ATTRIBUTE, path);
            beforeUpgrade.handle(ctx);
        });
        app.ws(path, socket);
        return this;
    }

    /** Runs {@code filter} before the handler of every request whose path matches; what it throws is answered as usual. */
    public Router before(String path, Handler filter) {
        app.before(path, filter);
        return this;
    }

    /**
     * Runs {@code filter} on every WebSocket upgrade whose path matches, before the checks of routes registered later.
     * Nothing answers a refused upgrade for it: a filter that refuses must write its response itself.
     */
    public Router beforeUpgrade(String path, Handler filter) {
        app.wsBeforeUpgrade(path, filter);
        return this;
    }

    public List<Route> routes() {
        return Collections.unmodifiableList(routes);
    }

    private Router add(HandlerType method, String path, Handler handler) {
        routes.add(new Route(method.name(), path));
        app.addHttpHandler(method, path, ctx -> {
            ctx.attribute(ROUTE_ATTRIBUTE, path);
            handler.handle(ctx);
        });
        return this;
    }
}
