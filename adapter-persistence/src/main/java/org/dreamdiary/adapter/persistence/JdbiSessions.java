package org.dreamdiary.adapter.persistence;

import java.time.Instant;
import java.util.UUID;
import org.dreamdiary.application.port.out.user.Sessions;
import org.dreamdiary.domain.user.SessionId;
import org.dreamdiary.domain.user.UserId;
import org.jdbi.v3.core.Jdbi;

public final class JdbiSessions implements Sessions {
    private final Jdbi jdbi;

    public JdbiSessions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void open(SessionId session, UserId user, Instant now) {
        jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO sessions (id, user_id, created_at) VALUES (:id, :user, :now)")
                .bind("id", session.value()).bind("user", user.value()).bind("now", now).execute());
    }

    @Override
    public boolean isActive(SessionId session, UserId user) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT EXISTS (SELECT 1 FROM sessions WHERE id = :id AND user_id = :user AND revoked_at IS NULL)")
                .bind("id", session.value()).bind("user", user.value()).mapTo(Boolean.class).one());
    }

    @Override
    public void revoke(SessionId session, Instant now) {
        jdbi.useHandle(handle -> handle.createUpdate(
                        "UPDATE sessions SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
                .bind("id", session.value()).bind("now", now).execute());
    }

    @Override
    public void revokeAllExcept(UserId user, SessionId keep, Instant now) {
        jdbi.useHandle(handle -> handle.createUpdate("UPDATE sessions SET revoked_at = :now"
                        + " WHERE user_id = :user AND id <> :keep AND revoked_at IS NULL")
                .bind("user", user.value()).bind("keep", keep.value()).bind("now", now).execute());
    }

    @Override
    public void addRefreshToken(byte[] tokenHash, SessionId session, Instant expiresAt) {
        jdbi.useHandle(handle -> handle.createUpdate(
                        "INSERT INTO refresh_tokens (token_hash, session_id, expires_at) VALUES (:hash, :session, :expires)")
                .bind("hash", tokenHash).bind("session", session.value()).bind("expires", expiresAt).execute());
    }

    @Override
    public int purgeEnded(Instant before, int max) {
        return jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM sessions WHERE id IN (SELECT s.id FROM sessions s"
                        + " WHERE s.revoked_at < :before OR NOT EXISTS (SELECT 1 FROM refresh_tokens t"
                        + " WHERE t.session_id = s.id AND t.expires_at >= :before) LIMIT :max)")
                .bind("before", before).bind("max", max).execute());
    }

    @Override
    public int purgeExpiredRefreshTokens(Instant before, int max) {
        return jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM refresh_tokens WHERE token_hash IN"
                        + " (SELECT token_hash FROM refresh_tokens WHERE expires_at < :before LIMIT :max)")
                .bind("before", before).bind("max", max).execute());
    }

    @Override
    public RefreshOutcome useRefreshToken(byte[] tokenHash, Instant now) {
        return jdbi.withHandle(handle -> {
            // Only one of any number of concurrent attempts can flip used_at from NULL.
            var rotated = handle.createQuery("UPDATE refresh_tokens t SET used_at = :now FROM sessions s"
                            + " WHERE t.token_hash = :hash AND t.used_at IS NULL AND t.expires_at > :now"
                            + " AND s.id = t.session_id AND s.revoked_at IS NULL RETURNING t.session_id, s.user_id")
                    .bind("hash", tokenHash).bind("now", now)
                    .map((row, ctx) -> (RefreshOutcome) new RefreshOutcome.Rotated(
                            new SessionId(row.getObject("session_id", UUID.class)),
                            new UserId(row.getObject("user_id", UUID.class))))
                    .findOne();
            if (rotated.isPresent()) {
                return rotated.get();
            }
            return handle.createQuery("SELECT session_id FROM refresh_tokens WHERE token_hash = :hash AND used_at IS NOT NULL")
                    .bind("hash", tokenHash)
                    .map((row, ctx) -> (RefreshOutcome) new RefreshOutcome.Reused(new SessionId(row.getObject("session_id", UUID.class))))
                    .findOne()
                    .orElseGet(RefreshOutcome.Refused::new);
        });
    }
}
