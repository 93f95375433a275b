package org.dreamdiary.adapter.http.ops;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.dreamdiary.adapter.http.routing.RouteGroup;
import org.dreamdiary.adapter.http.routing.Router;

/** {@code /metrics} in the Prometheus text format. */
public final class MetricsRoute implements RouteGroup {
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private final PrometheusMeterRegistry registry;

    public MetricsRoute(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void register(Router router) {
        router.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(registry.scrape()));
    }
}
