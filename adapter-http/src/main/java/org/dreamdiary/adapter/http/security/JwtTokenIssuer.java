package org.dreamdiary.adapter.http.security;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.dreamdiary.application.port.out.user.TokenIssuer;
import org.dreamdiary.domain.user.SessionId;
import org.dreamdiary.domain.user.UserId;

/**
 * HS256 JWTs from this service only: the verifier accepts nothing but its own algorithm, key and issuer,
 * so {@code alg: none}, a forged signature or another issuer's token fail alike.
 */
public final class JwtTokenIssuer implements TokenIssuer {
    /** How long an access token is valid unless configured otherwise (API.md §2). */
    public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(15);
    private static final String ISSUER = "dream-diary";
    private static final String SESSION_CLAIM = "sid";

    private final Algorithm algorithm;
    private final Duration lifetime;

    public JwtTokenIssuer(String secret, Duration lifetime) {
        this.algorithm = Algorithm.HMAC256(secret.getBytes(StandardCharsets.UTF_8));
        this.lifetime = lifetime;
    }

    @Override
    public AccessToken issue(UserId user, SessionId session, Instant now) {
        Instant expiresAt = now.plus(lifetime);
        String token = JWT.create()
                .withIssuer(ISSUER)
                .withSubject(user.toString())
                .withClaim(SESSION_CLAIM, session.toString())
                .withIssuedAt(now)
                .withExpiresAt(expiresAt)
                .sign(algorithm);
        return new AccessToken(token, expiresAt);
    }

    @Override
    public Optional<Claims> verify(String token, Instant now) {
        // Expiry is judged against the service's clock, the same one that issued the token.
        JWTVerifier verifier = ((JWTVerifier.BaseVerification) JWT.require(algorithm)
                .withIssuer(ISSUER)
                .withClaimPresence(SESSION_CLAIM))
                .build(Clock.fixed(now, ZoneOffset.UTC));
        try {
            DecodedJWT decoded = verifier.verify(token);
            return Optional.of(new Claims(
                    new UserId(UUID.fromString(decoded.getSubject())),
                    new SessionId(UUID.fromString(decoded.getClaim(SESSION_CLAIM).asString())),
                    decoded.getExpiresAtAsInstant()));
        } catch (JWTVerificationException | IllegalArgumentException | NullPointerException invalid) {
            return Optional.empty();
        }
    }
}
