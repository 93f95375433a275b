package org.dreamdiary.application.service.user;

import org.dreamdiary.application.port.in.user.Authenticate;
import org.dreamdiary.application.port.in.user.Principal;
import org.dreamdiary.application.port.out.Clock;
import org.dreamdiary.application.port.out.user.TokenIssuer;
import org.dreamdiary.application.port.out.user.TokenIssuer.Claims;
import org.dreamdiary.domain.error.UnauthenticatedException;

/**
 * A valid signature is not enough: the session must still be live, so logging out, changing the password or
 * deleting the account stops the tokens at once on the node that did it and within a second on every other. The
 * session is looked up in the database only when this node's {@link ActiveSessionCache} cannot answer: once per
 * session and access token, or on every request while the node is not sure to have heard of every session ended.
 */
public final class AuthenticateService implements Authenticate {
    private final TokenIssuer tokenIssuer;
    private final ActiveSessionCache activeSessions;
    private final Clock clock;

    public AuthenticateService(TokenIssuer tokenIssuer, ActiveSessionCache activeSessions, Clock clock) {
        this.tokenIssuer = tokenIssuer;
        this.activeSessions = activeSessions;
        this.clock = clock;
    }

    @Override
    public Principal authenticate(String accessToken) {
        Claims claims = tokenIssuer.verify(accessToken, clock.now())
                .orElseThrow(() -> new UnauthenticatedException("the access token is not valid"));
        if (!activeSessions.isActive(claims.session(), claims.user(), claims.expiresAt())) {
            throw new UnauthenticatedException("the access token is not valid");
        }
        return new Principal(claims.user(), claims.session(), claims.expiresAt());
    }
}
