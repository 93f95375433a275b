package org.dreamdiary.adapter.http.auth;

import io.javalin.http.Context;
import java.util.Map;
import org.dreamdiary.adapter.http.observability.AccessLog;
import org.dreamdiary.adapter.http.problem.HttpProblem;
import org.dreamdiary.adapter.http.problem.ProblemType;
import org.dreamdiary.application.port.in.user.Authenticate;
import org.dreamdiary.application.port.in.user.Principal;
import org.dreamdiary.domain.error.UnauthenticatedException;

/** Bearer authentication, required explicitly by every route that needs a caller. */
public final class Authentication {
    public static final Map<String, String> BEARER_CHALLENGE = Map.of("WWW-Authenticate", "Bearer realm=\"dream-diary\"");
    private static final String PREFIX = "bearer ";
    private static final String PRINCIPAL_ATTRIBUTE = "dreamdiary.principal";

    private final Authenticate authenticate;

    public Authentication(Authenticate authenticate) {
        this.authenticate = authenticate;
    }

    /**
     * The caller, or a {@code 401} with a Bearer challenge. The session is looked up once per request: a second
     * call (the route, after the idempotency check) gets the caller found by the first.
     */
    public Principal require(Context ctx) {
        Principal known = ctx.attribute(PRINCIPAL_ATTRIBUTE);
        if (known != null) {
            return known;
        }
        String token = bearerToken(ctx);
        if (token == null) {
            throw new HttpProblem(ProblemType.UNAUTHORIZED, "this route needs Authorization: Bearer <access token>",
                    BEARER_CHALLENGE);
        }
        return requireToken(ctx, token);
    }

    /** The caller presenting {@code token} (taken from wherever the route accepts it), or a {@code 401}. */
    public Principal requireToken(Context ctx, String token) {
        if (token == null || token.isBlank()) {
            throw new HttpProblem(ProblemType.UNAUTHORIZED, "this route needs an access token", BEARER_CHALLENGE);
        }
        try {
            Principal caller = authenticate.authenticate(token);
            ctx.attribute(AccessLog.USER_ATTRIBUTE, caller.user().toString());
            ctx.attribute(PRINCIPAL_ATTRIBUTE, caller);
            return caller;
        } catch (UnauthenticatedException e) {
            throw new HttpProblem(ProblemType.UNAUTHORIZED, e.getMessage(), BEARER_CHALLENGE);
        }
    }

    /** The token of an {@code Authorization: Bearer} header, or null without one. */
    public static String bearerToken(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.length() <= PREFIX.length() || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return null;
        }
        return header.substring(PREFIX.length()).trim();
    }
}
