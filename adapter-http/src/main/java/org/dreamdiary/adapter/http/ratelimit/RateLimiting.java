package org.dreamdiary.adapter.http.ratelimit;

import io.javalin.http.Context;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.dreamdiary.adapter.http.auth.Authentication;
import org.dreamdiary.adapter.http.network.ClientAddresses;
import org.dreamdiary.adapter.http.problem.ErrorResponder;
import org.dreamdiary.adapter.http.problem.HttpProblem;
import org.dreamdiary.adapter.http.problem.ProblemType;
import org.dreamdiary.adapter.http.routing.RouteGroup;
import org.dreamdiary.adapter.http.routing.Router;
import org.dreamdiary.application.port.in.LimitRequests;
import org.dreamdiary.application.port.in.LimitRequests.Allowance;
import org.slf4j.MDC;

/**
 * The general request limit on every request under {@code /api/v1}, WebSocket upgrades included: each response
 * says {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset} (seconds until the window
 * starts over), and a request beyond the limit is {@code 429} with {@code Retry-After}. The routes at the root
 * (health, metrics, documents) are not limited, so that load balancers' probes and scrapes are never refused.
 * Register it before the other route groups, so that it runs before any route's own upgrade checks.
 */
public final class RateLimiting implements RouteGroup {
    private static final String LIMITED = "/api/v1/*";

    private final LimitRequests limits;
    private final ClientAddresses clientAddresses;

    public RateLimiting(LimitRequests limits, ClientAddresses clientAddresses) {
        this.limits = limits;
        this.clientAddresses = clientAddresses;
    }

    @Override
    public void register(Router router) {
        router.before(LIMITED, this::limit);
        router.beforeUpgrade(LIMITED, this::limitUpgrade);
    }

    private void limit(Context ctx) {
        Allowance allowance = limits.admit(Optional.ofNullable(Authentication.bearerToken(ctx)), clientAddresses.of(ctx));
        String reset = ErrorResponder.wholeSeconds(allowance.resetIn());
        ctx.header("RateLimit-Limit", Long.toString(allowance.limit()));
        ctx.header("RateLimit-Remaining", Long.toString(allowance.remaining()));
        ctx.header("RateLimit-Reset", reset);
        if (!allowance.admitted()) {
            throw new HttpProblem(ProblemType.RATE_LIMITED,
                    "more than " + allowance.limit() + " requests this minute; try again in " + reset + " s",
                    Map.of("Retry-After", reset));
        }
    }

    /** Javalin writes no response for a refused upgrade, so this one answers itself. */
    private void limitUpgrade(Context ctx) throws IOException {
        try {
            limit(ctx);
        } catch (HttpProblem refused) {
            ErrorResponder.respondNow(refused, ctx);
            MDC.clear();
            throw refused;
        }
    }
}
