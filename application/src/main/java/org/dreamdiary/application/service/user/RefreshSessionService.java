package org.dreamdiary.application.service.user;

import java.time.Instant;
import java.util.Optional;
import org.dreamdiary.application.port.in.user.RefreshSession;
import org.dreamdiary.application.port.in.user.TokenPair;
import org.dreamdiary.application.port.out.Clock;
import org.dreamdiary.application.port.out.Transactions;
import org.dreamdiary.application.port.out.user.SessionEvents;
import org.dreamdiary.application.port.out.user.Sessions;
import org.dreamdiary.application.port.out.user.SessionsEnded;
import org.dreamdiary.application.port.out.user.Sessions.RefreshOutcome;
import org.dreamdiary.domain.error.UnauthenticatedException;

public final class RefreshSessionService implements RefreshSession {
    private final Sessions sessions;
    private final SessionTokens sessionTokens;
    private final SessionEvents events;
    private final Transactions transactions;
    private final Clock clock;

    public RefreshSessionService(Sessions sessions, SessionTokens sessionTokens, SessionEvents events,
                                 Transactions transactions, Clock clock) {
        this.sessions = sessions;
        this.sessionTokens = sessionTokens;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public TokenPair refresh(String refreshToken) {
        Optional<TokenPair> rotated = transactions.inTransaction(() -> {
            Instant now = clock.now();
            RefreshOutcome outcome = sessions.useRefreshToken(RefreshTokens.hash(refreshToken), now);
            if (outcome instanceof RefreshOutcome.Rotated valid) {
                return Optional.of(sessionTokens.pairFor(valid.user(), valid.session(), now));
            }
            if (outcome instanceof RefreshOutcome.Reused reused) {
                // A rotated token came back: the client or a thief holds a copy. End the session for both.
                sessions.revoke(reused.session(), now);
                events.publish(SessionsEnded.one(reused.session()));
            }
            // Committed, not rolled back: the revocation must stick although the caller is refused.
            return Optional.<TokenPair>empty();
        });
        return rotated.orElseThrow(() -> new UnauthenticatedException("the refresh token is not valid"));
    }
}
