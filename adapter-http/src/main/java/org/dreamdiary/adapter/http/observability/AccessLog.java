package org.dreamdiary.adapter.http.observability;

import io.javalin.http.Context;
import io.javalin.http.RequestLogger;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
    /** The timers met so far: finding one in the registry builds and sorts its tags on every request. */
    private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();

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
        timers.computeIfAbsent(new TimerKey(ctx.method().name(), route, status), this::timer)
                .record(Duration.ofNanos((long) (executionTimeMs * 1_000_000)));
        try {
            MDC.put(RequestIds.MDC_KEY, RequestIds.of(ctx));
            if (userId != null) {
                MDC.put("user_id", userId.toString());
            }
            LOG.info("{} {} {} {}ms", ctx.method().name(), route, status, tenths(executionTimeMs));
        } finally {
            MDC.clear();
        }
    }

    private Timer timer(TimerKey key) {
        return Timer.builder("http.server.requests")
                .description("HTTP requests by route template, method and status")
                .tag("method", key.method())
                .tag("route", key.route())
                .tag("status", Integer.toString(key.status()))
                .publishPercentileHistogram()
                .register(registry);
    }

    /** Milliseconds to one decimal, as {@code %.1f} would print them, without a formatter per request. */
    static String tenths(float millis) {
        long tenths = Math.round(millis * 10.0);
        return (tenths / 10) + "." + (tenths % 10);
    }

    private record TimerKey(String method, String route, int status) {
    }
}
