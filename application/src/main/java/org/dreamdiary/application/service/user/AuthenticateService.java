package org.dreamdiary.application.service.user;

import org.dreamdiary.application.port.in.user.Authenticate;
import org.dreamdiary.application.port.in.user.Principal;
import org.dreamdiary.application.port.out.Clock;
import org.dreamdiary.application.port.out.user.Sessions;
import org.dreamdiary.application.port.out.user.TokenIssuer;
import org.dreamdiary.application.port.out.user.TokenIssuer.Claims;
import org.dreamdiary.domain.error.UnauthenticatedException;

/**
 * A valid signature is not enough: the session must still be live, so logging out, changing the password or
 * deleting the account stops the tokens at once, on every node (one primary-key lookup per request).
 */
public final class AuthenticateService implements Authenticate {
    private final TokenIssuer tokenIssuer;
    private final Sessions sessions;
    private final Clock clock;

    public AuthenticateService(TokenIssuer tokenIssuer, Sessions sessions, Clock clock) {
        this.tokenIssuer = tokenIssuer;
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    public Principal authenticate(String accessToken) {
        Claims claims = tokenIssuer.verify(accessToken, clock.now())
                .orElseThrow(() -> new UnauthenticatedException("the access token is not valid"));
        if (!sessions.isActive(claims.session(), claims.user())) {
            throw new UnauthenticatedException("the access token is not valid");
        }
        return new Principal(claims.user(), claims.session(), claims.expiresAt());
    }
}
