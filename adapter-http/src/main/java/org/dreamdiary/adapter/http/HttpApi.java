package org.dreamdiary.adapter.http;

import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.servlet.FilterHolder;
import org.dreamdiary.adapter.http.network.CorsOrigins;
import org.dreamdiary.adapter.http.network.CrossOriginFilter;
import org.dreamdiary.adapter.http.observability.AccessLog;
import org.dreamdiary.adapter.http.observability.RequestIds;
import org.dreamdiary.adapter.http.problem.ErrorResponder;
import org.dreamdiary.adapter.http.problem.JettyErrorHandler;
import org.dreamdiary.adapter.http.request.BodyPrefetch;
import org.dreamdiary.adapter.http.request.JsonBody;
import org.dreamdiary.adapter.http.routing.QueryParams;
import org.dreamdiary.adapter.http.routing.Route;
import org.dreamdiary.adapter.http.routing.RouteGroup;
import org.dreamdiary.adapter.http.routing.RouteWrapper;
import org.dreamdiary.adapter.http.routing.Router;

/**
 * The HTTP server, built from its route groups. Every request gets a request id and an access-log line;
 * every failure goes through {@link ErrorResponder}. Requests run on virtual threads where the JVM has them.
 * A body is read in full, without a thread waiting on it, before its request reaches a route ({@link BodyPrefetch}),
 * and every query is held to the text rules before any route reads it ({@link QueryParams#requireWellFormed}).
 * Pages of the origins in {@code cors} may call it from a browser ({@link CrossOriginFilter}).
 */
public final class HttpApi {
    private final Javalin app;
    private final Router router;
    private final Duration shutdownGrace;
    private Server server;

    /**
     * {@code bodyTimeout}: how long a client has to send a whole request body before it is answered {@code 408};
     * {@code authenticatedPosts} wraps the {@code POST} routes of signed-in callers (see {@link Router#post}).
     */
    public HttpApi(MeterRegistry metrics, Duration shutdownGrace, Duration bodyTimeout, RouteWrapper authenticatedPosts,
                   CorsOrigins cors, List<RouteGroup> groups) {
        this.shutdownGrace = shutdownGrace;
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.useVirtualThreads = true;
            config.http.prefer405over404 = true;
            config.requestLogger.http(new AccessLog(metrics));
            config.jetty.modifyServer(jetty -> {
                this.server = jetty;
                jetty.setErrorHandler(new JettyErrorHandler());
            });
            config.jetty.modifyServletContextHandler(context -> {
                context.setErrorHandler(new JettyErrorHandler());
                FilterHolder crossOrigin = new FilterHolder(new CrossOriginFilter(cors));
                crossOrigin.setAsyncSupported(true);
                context.addFilter(crossOrigin, "/*", EnumSet.of(DispatcherType.REQUEST));
                FilterHolder prefetch = new FilterHolder(new BodyPrefetch(JsonBody.MAX_BYTES, bodyTimeout));
                prefetch.setAsyncSupported(true);
                context.addFilter(prefetch, "/*", EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC));
            });
        });
        app.before(RequestIds::assign);
        // Javalin runs the closest handler only; both of these lead into the one error path.
        app.exception(HttpResponseException.class, ErrorResponder::respond);
        app.exception(Exception.class, ErrorResponder::respond);
        this.router = new Router(app, authenticatedPosts);
        groups.forEach(group -> group.register(router));
        // After the groups' own before-handlers (the rate limit): a refused query still counts and says its limit.
        app.before(QueryParams::requireWellFormed);
    }

    public HttpApi start(String host, int port) {
        app.start(host, port);
        return this;
    }

    /** The port actually bound (useful when started on port 0). */
    public int port() {
        return app.port();
    }

    /** Stops accepting connections and waits, up to the grace period, for requests in flight. */
    public void stop() {
        if (server != null) {
            GracefulStop.drain(server, shutdownGrace);
        }
        app.stop();
    }

    /** Every route registered, for checking against the OpenAPI document. */
    public List<Route> routes() {
        return router.routes();
    }
}
