package org.dreamdiary.adapter.http.observability;

import io.javalin.http.Context;
import io.javalin.http.RequestLogger;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.dreamdiary.adapter.http.routing.Router;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One log line and one latency sample per request, keyed by the route template (never the raw path, which
 * would leak ids into metrics and blow up their cardinality). Query strings and headers are never logged:
 * they may carry tokens.
 */
public final class AccessLog implements RequestLogger {
    /** Context attribute an authentication filter sets to the caller's user id. */
    public static final String USER_ATTRIBUTE = "dreamdiary.user_id";
    private static final String UNMATCHED = "unmatched";
    private static final Logger LOG = LoggerFactory.getLogger("org.dreamdiary.access");

    private final MeterRegistry registry;

    public AccessLog(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void handle(Context ctx, Float executionTimeMs) {
        String route = ctx.attribute(Router.ROUTE_ATTRIBUTE);
        if (route == null) {
            route = UNMATCHED;
        }
        Object userId = ctx.attribute(USER_ATTRIBUTE);
        int status = ctx.statusCode();
        Timer.builder("http.server.requests")
                .description("HTTP requests by route template, method and status")
                .tag("method", ctx.method().name())
                .tag("route", route)
                .tag("status", Integer.toString(status))
                .publishPercentileHistogram()
                .register(registry)
                .record(Duration.ofNanos((long) (executionTimeMs * 1_000_000)));
        try {
            MDC.put(RequestIds.MDC_KEY, RequestIds.of(ctx));
            if (userId != null) {
                MDC.put("user_id", userId.toString());
            }
            LOG.info("{} {} {} {}ms", ctx.method().name(), route, status, String.format(java.util.Locale.ROOT, "%.1f", executionTimeMs));
        } finally {
            MDC.clear();
        }
    }
}
