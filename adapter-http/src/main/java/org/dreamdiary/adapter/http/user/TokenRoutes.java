package org.dreamdiary.adapter.http.user;

import static org.dreamdiary.adapter.http.json.FieldTypes.exactText;
import static org.dreamdiary.adapter.http.json.FieldTypes.text;

import io.javalin.http.Context;
import java.util.Base64;
import java.util.Map;
import org.dreamdiary.adapter.http.auth.Authentication;
import org.dreamdiary.adapter.http.json.JsonFields;
import org.dreamdiary.adapter.http.network.ClientAddresses;
import org.dreamdiary.adapter.http.json.Utf8;
import org.dreamdiary.adapter.http.problem.HttpProblem;
import org.dreamdiary.adapter.http.problem.ProblemType;
import org.dreamdiary.adapter.http.request.JsonBody;
import org.dreamdiary.adapter.http.routing.Respond;
import org.dreamdiary.adapter.http.routing.RouteGroup;
import org.dreamdiary.adapter.http.routing.Router;
import org.dreamdiary.adapter.http.user.UserResources.Tokens;
import org.dreamdiary.application.port.in.user.LogIn;
import org.dreamdiary.application.port.in.user.LogOut;
import org.dreamdiary.application.port.in.user.RefreshSession;
import org.dreamdiary.application.port.in.user.TokenPair;
import org.dreamdiary.domain.error.UnauthenticatedException;

/** {@code /api/v1/tokens}: log in (JSON or HTTP Basic), refresh, log out. */
public final class TokenRoutes implements RouteGroup {
    static final Map<String, String> BASIC_CHALLENGE = Map.of("WWW-Authenticate", "Basic realm=\"dream-diary\", charset=\"UTF-8\"");
    /** Generous bounds for what is compared, not stored: they only stop absurd inputs early. */
    private static final int MAX_USERNAME = 64;
    private static final int MAX_PASSWORD = 1024;

    private final LogIn logIn;
    private final RefreshSession refreshSession;
    private final LogOut logOut;
    private final Authentication authentication;
    private final ClientAddresses clientAddresses;

    public TokenRoutes(LogIn logIn, RefreshSession refreshSession, LogOut logOut, Authentication authentication,
                       ClientAddresses clientAddresses) {
        this.logIn = logIn;
        this.refreshSession = refreshSession;
        this.logOut = logOut;
        this.authentication = authentication;
        this.clientAddresses = clientAddresses;
    }

    @Override
    public void register(Router router) {
        router.anonymousPost("/api/v1/tokens", this::logIn);
        router.anonymousPost("/api/v1/tokens/refresh", this::refresh);
        router.delete("/api/v1/tokens", ctx -> {
            logOut.logOut(authentication.require(ctx));
            Respond.noContent(ctx);
        });
    }

    private void logIn(Context ctx) {
        Credentials credentials = credentials(ctx);
        TokenPair pair;
        try {
            pair = logIn.logIn(credentials.username(), credentials.password(), clientAddresses.of(ctx));
        } catch (UnauthenticatedException e) {
            throw new HttpProblem(ProblemType.UNAUTHORIZED, e.getMessage(), BASIC_CHALLENGE);
        }
        ctx.header("Cache-Control", "no-store");
        Respond.json(ctx, 200, Tokens.of(pair));
    }

    private void refresh(Context ctx) {
        JsonFields in = JsonBody.fields(ctx);
        String refreshToken = in.required("refresh_token", exactText(1, 256));
        in.validate();
        ctx.header("Cache-Control", "no-store");
        Respond.json(ctx, 200, Tokens.of(refreshSession.refresh(refreshToken)));
    }

    /** From HTTP Basic when the client sends it, else from the JSON body. */
    private static Credentials credentials(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return basic(authorization.substring(6).trim());
        }
        if (ctx.header("Content-Type") == null && ctx.req().getContentLengthLong() <= 0) {
            throw new HttpProblem(ProblemType.UNAUTHORIZED,
                    "send the username and password as JSON or with HTTP Basic authentication", BASIC_CHALLENGE);
        }
        JsonFields in = JsonBody.fields(ctx);
        String username = in.required("username", text(1, MAX_USERNAME));
        String password = in.required("password", exactText(1, MAX_PASSWORD));
        in.validate();
        return new Credentials(username, password);
    }

    /** Credentials that could never be an account's (not UTF-8, a control character in the name) fail like wrong ones. */
    private static Credentials basic(String encoded) {
        String decoded;
        try {
            decoded = Utf8.decodeOrNull(Base64.getDecoder().decode(encoded));
        } catch (IllegalArgumentException e) {
            throw new HttpProblem(ProblemType.UNAUTHORIZED, "the Basic credentials are not valid base64", BASIC_CHALLENGE);
        }
        if (decoded == null) {
            throw new HttpProblem(ProblemType.UNAUTHORIZED, "the Basic credentials are not UTF-8", BASIC_CHALLENGE);
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0 || decoded.length() > MAX_USERNAME + MAX_PASSWORD + 1
                || decoded.substring(0, colon).codePoints().anyMatch(Character::isISOControl)) {
            throw new HttpProblem(ProblemType.UNAUTHORIZED,
                    "the Basic credentials must be username:password, the username without control characters",
                    BASIC_CHALLENGE);
        }
        return new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    private record Credentials(String username, String password) {
        @Override
        public String toString() {
            return "Credentials[" + username + "]";
        }
    }
}
