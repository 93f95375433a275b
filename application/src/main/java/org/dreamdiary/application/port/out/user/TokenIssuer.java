package org.dreamdiary.application.port.out.user;

import java.time.Instant;
import java.util.Optional;
import org.dreamdiary.domain.user.SessionId;
import org.dreamdiary.domain.user.UserId;

/** Signed, short-lived access tokens naming a user and a session. */
public interface TokenIssuer {
    AccessToken issue(UserId user, SessionId session, Instant now);

    /** The claims of a token this service signed and that has not expired; empty for anything else. */
    Optional<Claims> verify(String token, Instant now);

    record AccessToken(String value, Instant expiresAt) {
        @Override
        public String toString() {
            return "AccessToken[expiresAt=" + expiresAt + "]";
        }
    }

    record Claims(UserId user, SessionId session, Instant expiresAt) {
    }
}
