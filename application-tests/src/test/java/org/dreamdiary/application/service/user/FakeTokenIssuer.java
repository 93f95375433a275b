package org.dreamdiary.application.service.user;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.dreamdiary.application.port.out.user.TokenIssuer;
import org.dreamdiary.domain.user.SessionId;
import org.dreamdiary.domain.user.UserId;

/**
 * Access tokens that name their user and session in plain text, valid 15 minutes. Only tokens it issued
 * verify: a well-shaped string it did not hand out is as good as a forged signature.
 */
final class FakeTokenIssuer implements TokenIssuer {
    static final Duration LIFETIME = Duration.ofMinutes(15);

    private final Map<String, AccessToken> issued = new HashMap<>();
    private final Map<String, Claims> claims = new HashMap<>();
    private int serial;

    @Override
    public AccessToken issue(UserId user, SessionId session, Instant now) {
        String value = "access/" + user + "/" + session + "/" + ++serial;
        AccessToken token = new AccessToken(value, now.plus(LIFETIME));
        issued.put(value, token);
        claims.put(value, new Claims(user, session, token.expiresAt()));
        return token;
    }

    @Override
    public Optional<Claims> verify(String token, Instant now) {
        AccessToken known = token == null ? null : issued.get(token);
        if (known == null || !now.isBefore(known.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(claims.get(token));
    }
}
