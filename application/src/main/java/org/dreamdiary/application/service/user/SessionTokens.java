package org.dreamdiary.application.service.user;

import java.time.Duration;
import java.time.Instant;
import org.dreamdiary.application.port.in.user.TokenPair;
import org.dreamdiary.application.port.out.Ids;
import org.dreamdiary.application.port.out.user.Sessions;
import org.dreamdiary.application.port.out.user.TokenIssuer;
import org.dreamdiary.domain.user.SessionId;
import org.dreamdiary.domain.user.UserId;

/** Opens sessions and hands out token pairs for them; shared by registration, login and refresh. */
public final class SessionTokens {
    static final Duration REFRESH_TOKEN_LIFETIME = Duration.ofDays(30);

    private final Sessions sessions;
    private final TokenIssuer tokenIssuer;
    private final Ids ids;

    public SessionTokens(Sessions sessions, TokenIssuer tokenIssuer, Ids ids) {
        this.sessions = sessions;
        this.tokenIssuer = tokenIssuer;
        this.ids = ids;
    }

    /** A new session for the user, with its first pair. Call inside the use case's transaction. */
    TokenPair open(UserId user, Instant now) {
        SessionId session = new SessionId(ids.next());
        sessions.open(session, user, now);
        return pairFor(user, session, now);
    }

    /** A fresh pair for an existing session (after its previous refresh token was used). */
    TokenPair pairFor(UserId user, SessionId session, Instant now) {
        String refreshToken = RefreshTokens.generate();
        sessions.addRefreshToken(RefreshTokens.hash(refreshToken), session, now.plus(REFRESH_TOKEN_LIFETIME));
        TokenIssuer.AccessToken access = tokenIssuer.issue(user, session, now);
        return new TokenPair(access.value(), Duration.between(now, access.expiresAt()).toSeconds(), refreshToken);
    }
}
