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
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.dreamdiary.application.port.out.user.TokenIssuer;
import org.dreamdiary.domain.user.SessionId;
import org.dreamdiary.domain.user.UserId;

/**
 * HS256 JWTs from this service only: the verifier accepts nothing but its own algorithm, key and issuer,
 * so {@code alg: none}, a forged signature or another issuer's token fail alike.
 *
 * <p>A token that passed is remembered by its exact text, so that the next requests carrying it are spared decoding
 * it and computing its HMAC (a tenth of the JVM's work for a small request); its times are still judged at each
 * request, as the verifier judges them. Only tokens this service signed are remembered, so the memory holds at most
 * {@link #TOKENS_REMEMBERED} of them and is emptied when full.
 */
public final class JwtTokenIssuer implements TokenIssuer {
    /** How long an access token is valid unless configured otherwise (API.md §2). */
    public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(15);
    private static final String ISSUER = "dream-diary";
    private static final String SESSION_CLAIM = "sid";
    static final int TOKENS_REMEMBERED = 10_000;

    private final Algorithm algorithm;
    private final Duration lifetime;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

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
        Verified known = verified.get(token);
        if (known != null) {
            return known.validAt(now) ? Optional.of(known.claims()) : Optional.empty();
        }
        Optional<Verified> passed = verifyInFull(token, now);
        passed.ifPresent(fresh -> {
            if (verified.size() >= TOKENS_REMEMBERED) {
                verified.clear();
            }
            verified.put(token, fresh);
        });
        return passed.map(Verified::claims);
    }

    private Optional<Verified> verifyInFull(String token, Instant now) {
        // Expiry is judged against the service's clock, the same one that issued the token.
        JWTVerifier verifier = ((JWTVerifier.BaseVerification) JWT.require(algorithm)
                .withIssuer(ISSUER)
                .withClaimPresence(SESSION_CLAIM))
                .build(Clock.fixed(now, ZoneOffset.UTC));
        try {
            DecodedJWT decoded = verifier.verify(token);
            return Optional.of(new Verified(new Claims(
                    new UserId(UUID.fromString(decoded.getSubject())),
                    new SessionId(UUID.fromString(decoded.getClaim(SESSION_CLAIM).asString())),
                    decoded.getExpiresAtAsInstant()), decoded.getIssuedAtAsInstant()));
        } catch (JWTVerificationException | IllegalArgumentException | NullPointerException invalid) {
            return Optional.empty();
        }
    }

    /** A token whose signature, issuer and claims passed, and the times that still decide whether it is valid. */
    private record Verified(Claims claims, Instant issuedAt) {
        /** As the verifier judges: in whole seconds, issued no later than now, expiring after now. */
        boolean validAt(Instant now) {
            Instant second = now.truncatedTo(ChronoUnit.SECONDS);
            return second.isBefore(claims.expiresAt()) && (issuedAt == null || !second.isBefore(issuedAt));
        }
    }
}
