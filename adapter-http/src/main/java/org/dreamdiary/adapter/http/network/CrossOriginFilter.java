package org.dreamdiary.adapter.http.network;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;

/**
 * CORS, for web apps on other origins. Runs before everything else, so that every response a page of an allowed
 * origin gets, an error from the container included, tells the browser it may be read. A preflight of an allowed
 * origin is answered here, {@code 204}, before any route, rate limit or access log: the browser asks it for its own
 * sake and caches the answer for {@link #MAX_AGE}. Any other request, and every request of another origin, goes on
 * unchanged. Tokens travel in {@code Authorization}, never in cookies, so credentials are never allowed.
 */
public final class CrossOriginFilter implements Filter {
    private static final String ALLOWED_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE";
    private static final String ALLOWED_HEADERS =
            "Authorization, Content-Type, If-Match, If-None-Match, Idempotency-Key, X-Request-Id";
    /** The headers a client reads, beyond the few a browser always shows it. */
    private static final String EXPOSED_HEADERS = "ETag, Location, Link, Retry-After, RateLimit-Limit, "
            + "RateLimit-Remaining, RateLimit-Reset, X-Request-Id, Idempotent-Replayed, Content-Range, Accept-Ranges, "
            + "Content-Disposition, WWW-Authenticate, Allow";
    private static final Duration MAX_AGE = Duration.ofMinutes(10);

    private final CorsOrigins origins;

    public CrossOriginFilter(CorsOrigins origins) {
        this.origins = origins;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String origin = request.getHeader("Origin");
        if (origins.listOnly()) {
            // a shared cache must not hand one origin's answer to another
            response.addHeader("Vary", "Origin");
        }
        if (!origins.allows(origin)) {
            chain.doFilter(req, res);
            return;
        }
        response.setHeader("Access-Control-Allow-Origin", origins.listOnly() ? origin : "*");
        if (isPreflight(request)) {
            response.setHeader("Access-Control-Allow-Methods", ALLOWED_METHODS);
            response.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
            response.setHeader("Access-Control-Max-Age", Long.toString(MAX_AGE.toSeconds()));
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        response.setHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        chain.doFilter(req, res);
    }

    private static boolean isPreflight(HttpServletRequest request) {
        return "OPTIONS".equals(request.getMethod()) && request.getHeader("Access-Control-Request-Method") != null;
    }
}
