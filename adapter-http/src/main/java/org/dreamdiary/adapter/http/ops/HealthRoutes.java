package org.dreamdiary.adapter.http.ops;

import io.javalin.http.Context;
import java.util.Map;
import org.dreamdiary.adapter.http.routing.Respond;
import org.dreamdiary.adapter.http.routing.RouteGroup;
import org.dreamdiary.adapter.http.routing.Router;
import org.dreamdiary.application.port.in.CheckDatabaseHealth;
import org.dreamdiary.application.port.in.CheckDatabaseHealth.DatabaseStatus;

/** {@code /health} (the process is alive), {@code /health/db} (the database answers) and {@code /health/version}. */
public final class HealthRoutes implements RouteGroup {
    private final CheckDatabaseHealth databaseHealth;
    private final ServiceInfo info;

    public HealthRoutes(CheckDatabaseHealth databaseHealth, ServiceInfo info) {
        this.databaseHealth = databaseHealth;
        this.info = info;
    }

    @Override
    public void register(Router router) {
        router.get("/health", ctx -> Respond.json(ctx, 200, Map.of("status", "ok")));
        router.get("/health/db", this::database);
        router.get("/health/version", ctx -> Respond.json(ctx, 200, info));
    }

    private void database(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        DatabaseStatus status = databaseHealth.check();
        if (status.up()) {
            Respond.json(ctx, 200, new DatabaseUp("ok", "up", status.latencyMillis()));
        } else {
            ctx.header("Retry-After", "5");
            Respond.json(ctx, 503, new DatabaseDown("unavailable", "down"));
        }
    }

    record DatabaseUp(String status, String database, long latencyMs) {
    }

    record DatabaseDown(String status, String database) {
    }
}
