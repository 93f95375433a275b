package org.dreamdiary.adapter.http.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.dreamdiary.application.port.out.user.TokenIssuer.AccessToken;
import org.dreamdiary.application.port.out.user.TokenIssuer.Claims;
import org.dreamdiary.domain.user.SessionId;
import org.dreamdiary.domain.user.UserId;
import org.junit.jupiter.api.Test;

/** HS256 access tokens of this service: accepted while fresh and untouched, refused in every other shape. */
class JwtTokenIssuerTest {
    private static final String SECRET = "a-test-secret-of-at-least-thirty-two-bytes";
    private static final Instant NOW = Instant.parse("2026-11-21T10:30:00Z");
    private static final Instant EXPIRY = NOW.plus(Duration.ofMinutes(15));
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final JwtTokenIssuer issuer = new JwtTokenIssuer(SECRET, JwtTokenIssuer.DEFAULT_LIFETIME);
    private final UserId user = new UserId(UUID.randomUUID());
    private final SessionId session = new SessionId(UUID.randomUUID());

    private String issued() {
        return issuer.issue(user, session, NOW).value();
    }

    @Test
    void givenAnIssuedToken_whenVerified_thenItNamesTheUserAndTheSession() {
        AccessToken token = issuer.issue(user, session, NOW);

        assertThat(token.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
        assertThat(issuer.verify(token.value(), NOW.plusSeconds(60))).contains(new Claims(user, session, EXPIRY));
    }

    @Test
    void givenAToken_whenVerifiedByAnotherInstanceWithTheSameSecret_thenItIsAccepted() {
        // Every node of the service signs and verifies with one shared secret.
        assertThat(new JwtTokenIssuer(SECRET, JwtTokenIssuer.DEFAULT_LIFETIME).verify(issued(), NOW)).contains(new Claims(user, session, EXPIRY));
    }

    @Test
    void givenATokenInTheLastSecondOfItsFifteenMinutes_whenVerified_thenItIsStillAccepted() {
        assertThat(issuer.verify(issued(), NOW.plus(Duration.ofMinutes(15)).minusSeconds(1))).contains(new Claims(user, session, EXPIRY));
    }

    @Test
    void givenATokenPastItsFifteenMinutes_whenVerified_thenItIsRefused() {
        String token = issued();

        assertThat(issuer.verify(token, NOW.plus(Duration.ofMinutes(15)).plusSeconds(1))).isEmpty();
        assertThat(issuer.verify(token, NOW.plus(Duration.ofHours(1)))).isEmpty();
    }

    @Test
    void givenATokenIssuedAtAFractionOfASecond_whenVerifiedJustAfterItsExpiry_thenItIsRefused() {
        // The token's exp claim has whole seconds; it must not outlive the expiry the client was told.
        AccessToken token = issuer.issue(user, session, NOW.plusMillis(999));

        assertThat(issuer.verify(token.value(), token.expiresAt().plusMillis(1))).isEmpty();
    }

    @Test
    void givenATokenSignedWithAnotherSecret_whenVerified_thenItIsRefused() {
        String foreign = new JwtTokenIssuer("another-secret-of-at-least-thirty-two-bytes", JwtTokenIssuer.DEFAULT_LIFETIME).issue(user, session, NOW).value();

        assertThat(issuer.verify(foreign, NOW)).isEmpty();
    }

    @Test
    void givenAnUnsignedTokenWithAlgNone_whenVerified_thenItIsRefused() {
        String payload = issued().split("\\.")[1];
        String header = BASE64URL.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String unsigned = header + "." + payload + ".";

        assertThat(issuer.verify(unsigned, NOW)).isEmpty();
    }

    @Test
    void givenATokenOfAnotherIssuerWithOurSecret_whenVerified_thenItIsRefused() {
        String ours = tokenFrom("dream-diary");
        String theirs = tokenFrom("someone-else");

        // The same token from our issuer passes, so it is the issuer alone that fails the other.
        assertThat(issuer.verify(ours, NOW)).contains(new Claims(user, session, EXPIRY));
        assertThat(issuer.verify(theirs, NOW)).isEmpty();
    }

    private String tokenFrom(String issuerName) {
        return JWT.create()
                .withIssuer(issuerName)
                .withSubject(user.toString())
                .withClaim("sid", session.toString())
                .withIssuedAt(NOW)
                .withExpiresAt(NOW.plus(Duration.ofMinutes(15)))
                .sign(Algorithm.HMAC256(SECRET.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void givenATokenWithoutASessionClaim_whenVerified_thenItIsRefused() {
        String sessionless = JWT.create()
                .withIssuer("dream-diary")
                .withSubject(user.toString())
                .withIssuedAt(NOW)
                .withExpiresAt(NOW.plus(Duration.ofMinutes(15)))
                .sign(Algorithm.HMAC256(SECRET.getBytes(StandardCharsets.UTF_8)));

        assertThat(issuer.verify(sessionless, NOW)).isEmpty();
    }

    @Test
    void givenATokenWhosePayloadWasChanged_whenVerified_thenItIsRefused() {
        String[] parts = issued().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        UserId victim = new UserId(UUID.randomUUID());
        String forged = payload.replace(user.toString(), victim.toString());
        assertThat(forged).isNotEqualTo(payload);

        String tampered = parts[0] + "." + BASE64URL.encodeToString(forged.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        assertThat(issuer.verify(tampered, NOW)).isEmpty();
    }

    @Test
    void givenATokenWhoseSignatureWasChanged_whenVerified_thenItIsRefused() {
        String token = issued();
        // A character inside the signature: the last one also carries unused bits that decoding may ignore.
        int inside = token.lastIndexOf('.') + 10;
        char replaced = token.charAt(inside) == 'A' ? 'B' : 'A';
        String tampered = token.substring(0, inside) + replaced + token.substring(inside + 1);
        assertThat(tampered).isNotEqualTo(token);

        assertThat(issuer.verify(tampered, NOW)).isEmpty();
    }

    @Test
    void givenGarbage_whenVerified_thenItIsRefusedWithoutAnError() {
        assertThat(issuer.verify("garbage", NOW)).isEmpty();
        assertThat(issuer.verify("", NOW)).isEmpty();
        assertThat(issuer.verify("a.b.c", NOW)).isEmpty();
        assertThat(issuer.verify("...", NOW)).isEmpty();
        assertThat(issuer.verify(issued() + "x", NOW)).isEmpty();
    }

    @Test
    void givenARememberedToken_whenVerifiedAtAnyTime_thenItIsJudgedAsAFreshVerifierJudgesIt() {
        String token = issued();
        assertThat(issuer.verify(token, NOW)).isPresent();

        // the instants around both ends of its life, in whole seconds and between them
        for (Instant at : List.of(NOW.minusSeconds(1), NOW.minusMillis(1), NOW, NOW.plusMillis(999),
                EXPIRY.minusSeconds(1), EXPIRY.minusMillis(1), EXPIRY, EXPIRY.plusMillis(500), EXPIRY.plusSeconds(1))) {
            JwtTokenIssuer fresh = new JwtTokenIssuer(SECRET, JwtTokenIssuer.DEFAULT_LIFETIME);
            assertThat(issuer.verify(token, at)).as("at %s", at).isEqualTo(fresh.verify(token, at));
        }
        assertThat(issuer.verify(token, EXPIRY)).isEmpty();
        assertThat(issuer.verify(token, NOW.minusSeconds(1))).isEmpty();
        assertThat(issuer.verify(token, EXPIRY.minusSeconds(1))).contains(new Claims(user, session, EXPIRY));
    }

    @Test
    void givenARememberedToken_whenItsSignatureIsChanged_thenTheChangedTokenIsRefused() {
        String token = issued();
        assertThat(issuer.verify(token, NOW)).isPresent();
        int inside = token.lastIndexOf('.') + 10;
        String tampered = token.substring(0, inside) + (token.charAt(inside) == 'A' ? 'B' : 'A') + token.substring(inside + 1);

        assertThat(issuer.verify(tampered, NOW)).isEmpty();
        assertThat(issuer.verify(token, NOW)).isPresent();
    }

    @Test
    void givenMoreTokensThanAreRemembered_whenVerified_thenEachIsStillJudgedRightly() {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i <= JwtTokenIssuer.TOKENS_REMEMBERED; i++) {
            tokens.add(issuer.issue(user, new SessionId(UUID.randomUUID()), NOW).value());
        }
        tokens.forEach(token -> assertThat(issuer.verify(token, NOW)).isPresent());

        // the memory was emptied as it filled: the first is verified in full again, and its expiry still holds
        assertThat(issuer.verify(tokens.get(0), NOW)).isPresent();
        assertThat(issuer.verify(tokens.get(0), EXPIRY)).isEmpty();
        assertThat(issuer.verify(tokens.get(JwtTokenIssuer.TOKENS_REMEMBERED), EXPIRY)).isEmpty();
    }

    @Test
    void givenAValidToken_whenVerified_thenTheTimeOfOneVerificationIsReported() {
        String token = issued();
        long first = System.nanoTime();
        issuer.verify(token, NOW);
        long firstNanos = System.nanoTime() - first;
        for (int i = 0; i < 1_000; i++) {
            issuer.verify(token, NOW);
        }

        long started = System.nanoTime();
        boolean accepted = issuer.verify(token, NOW).isPresent();
        long warmNanos = System.nanoTime() - started;

        System.out.printf("JWT verify: first %d µs, one after warm-up %d µs%n",
                TimeUnit.NANOSECONDS.toMicros(firstNanos), TimeUnit.NANOSECONDS.toMicros(warmNanos));
        assertThat(accepted).isTrue();
    }
}
