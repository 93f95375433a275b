package org.dreamdiary.application.port.out.user;

import java.time.Instant;
import org.dreamdiary.domain.user.SessionId;
import org.dreamdiary.domain.user.UserId;

/** Login sessions and the hashes of their refresh tokens. */
public interface Sessions {
    void open(SessionId session, UserId user, Instant now);

    /** Whether the session exists, belongs to the user and is not revoked; one indexed lookup. */
    boolean isActive(SessionId session, UserId user);

    void revoke(SessionId session, Instant now);

    /** Revokes every session of the user but {@code keep}. */
    void revokeAllExcept(UserId user, SessionId keep, Instant now);

    void addRefreshToken(byte[] tokenHash, SessionId session, Instant expiresAt);

    /** Marks the token used, exactly once even under concurrent attempts, and says what it was. */
    RefreshOutcome useRefreshToken(byte[] tokenHash, Instant now);

    /**
     * Deletes up to {@code max} sessions that ended before {@code before}: revoked then, or whose every refresh token
     * had expired by then (their access tokens expired long before). How many went.
     */
    int purgeEnded(Instant before, int max);

    /** Deletes up to {@code max} refresh tokens that expired before {@code before}; how many went. */
    int purgeExpiredRefreshTokens(Instant before, int max);

    /** What presenting a refresh token turned out to be. */
    sealed interface RefreshOutcome {
        /** Valid and unused: now used; the session lives on with a new token. */
        record Rotated(SessionId session, UserId user) implements RefreshOutcome {
        }

        /** Already used once (whatever its session's state now): someone holds a copy, so the session must die. */
        record Reused(SessionId session) implements RefreshOutcome {
        }

        /** Unknown, expired, or of a revoked session. */
        record Refused() implements RefreshOutcome {
        }
    }
}
