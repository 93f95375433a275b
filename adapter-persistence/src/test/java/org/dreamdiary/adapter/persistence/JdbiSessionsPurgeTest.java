package org.dreamdiary.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dreamdiary.persistence.contract.TestUsers.aUser;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.dreamdiary.domain.user.SessionId;
import org.dreamdiary.domain.user.UserId;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The purge of ended sessions and expired refresh tokens on PostgreSQL, each test on a schema of its own. */
class JdbiSessionsPurgeTest {
    private static final Instant NOW = Instant.parse("2026-11-21T10:30:00Z");
    private static final Instant HORIZON = NOW.minus(Duration.ofHours(1));

    private Jdbi jdbi;
    private JdbiSessions sessions;
    private UserId user;

    @BeforeEach
    void freshSchema() {
        jdbi = MigratedSchema.jdbi(MigratedSchema.create());
        sessions = new JdbiSessions(jdbi);
        var account = aUser().build();
        new JdbiUsers(jdbi).add(account);
        user = account.id();
    }

    private SessionId sessionWithTokenExpiring(Instant expiresAt) {
        SessionId session = new SessionId(UUID.randomUUID());
        sessions.open(session, user, NOW.minus(Duration.ofDays(40)));
        sessions.addRefreshToken(UUID.randomUUID().toString().getBytes(), session, expiresAt);
        return session;
    }

    private boolean exists(SessionId session) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT count(*) FROM sessions WHERE id = :id")
                .bind("id", session.value()).mapTo(Integer.class).one()) == 1;
    }

    private int refreshTokens() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT count(*) FROM refresh_tokens").mapTo(Integer.class).one());
    }

    @Test
    void givenLiveRevokedAndExpiredSessions_whenPurged_thenOnlyThoseEndedBeforeTheHorizonGoWithTheirTokens() {
        SessionId live = sessionWithTokenExpiring(NOW.plus(Duration.ofDays(29)));
        SessionId expired = sessionWithTokenExpiring(HORIZON.minusSeconds(1));
        SessionId justExpired = sessionWithTokenExpiring(HORIZON.plusSeconds(1));
        SessionId revokedLongAgo = sessionWithTokenExpiring(NOW.plus(Duration.ofDays(29)));
        sessions.revoke(revokedLongAgo, HORIZON.minusSeconds(1));
        SessionId revokedJustNow = sessionWithTokenExpiring(NOW.plus(Duration.ofDays(29)));
        sessions.revoke(revokedJustNow, NOW);

        assertThat(sessions.purgeEnded(HORIZON, 100)).isEqualTo(2);

        assertThat(exists(live)).isTrue();
        assertThat(exists(expired)).isFalse();
        assertThat(exists(justExpired)).isTrue();
        assertThat(exists(revokedLongAgo)).isFalse();
        assertThat(exists(revokedJustNow)).isTrue();
        assertThat(refreshTokens()).isEqualTo(3);
        assertThat(sessions.isActive(live, user)).isTrue();
    }

    @Test
    void givenExpiredAndValidRefreshTokensOfALiveSession_whenPurged_thenOnlyTheExpiredGoAndTheSessionStays() {
        SessionId session = sessionWithTokenExpiring(NOW.plus(Duration.ofDays(29)));
        sessions.addRefreshToken("old-one".getBytes(), session, HORIZON.minusSeconds(10));
        sessions.addRefreshToken("old-two".getBytes(), session, HORIZON.minusSeconds(5));

        assertThat(sessions.purgeExpiredRefreshTokens(HORIZON, 1)).isEqualTo(1);
        assertThat(sessions.purgeExpiredRefreshTokens(HORIZON, 100)).isEqualTo(1);
        assertThat(sessions.purgeEnded(HORIZON, 100)).isZero();

        assertThat(refreshTokens()).isEqualTo(1);
        assertThat(sessions.isActive(session, user)).isTrue();
    }

    @Test
    void givenMoreEndedSessionsThanTheBatch_whenPurged_thenOneStatementDeletesAtMostTheBatch() {
        for (int i = 0; i < 5; i++) {
            sessionWithTokenExpiring(HORIZON.minus(Duration.ofDays(i + 1)));
        }

        assertThat(sessions.purgeEnded(HORIZON, 3)).isEqualTo(3);
        assertThat(sessions.purgeEnded(HORIZON, 3)).isEqualTo(2);
    }
}
