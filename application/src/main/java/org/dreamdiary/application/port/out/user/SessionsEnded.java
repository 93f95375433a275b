package org.dreamdiary.application.port.out.user;

import java.util.Objects;
import org.dreamdiary.domain.user.SessionId;
import org.dreamdiary.domain.user.UserId;

/**
 * Sessions that have just ended (revoked, or gone with their account), named by ids only, so that whatever was
 * opened with one of their tokens can close on every node.
 */
public sealed interface SessionsEnded {
    /** Whether a token of {@code session}, belonging to {@code user}, is one of the ended ones. */
    boolean includes(UserId user, SessionId session);

    /** One session: a logout, or a refresh token presented twice. */
    static SessionsEnded one(SessionId session) {
        return new One(session);
    }

    /** Every session of the user but {@code kept}: a password change. */
    static SessionsEnded allOfUserBut(UserId user, SessionId kept) {
        return new OfUser(user, Objects.requireNonNull(kept, "kept"));
    }

    /** Every session of the user: the account is deleted. */
    static SessionsEnded allOfUser(UserId user) {
        return new OfUser(user, null);
    }

    record One(SessionId session) implements SessionsEnded {
        public One {
            Objects.requireNonNull(session, "session");
        }

        @Override
        public boolean includes(UserId user, SessionId session) {
            return this.session.equals(session);
        }
    }

    /** @param kept the one session that lives on, or null when none does */
    record OfUser(UserId user, SessionId kept) implements SessionsEnded {
        public OfUser {
            Objects.requireNonNull(user, "user");
        }

        @Override
        public boolean includes(UserId user, SessionId session) {
            return this.user.equals(user) && !session.equals(kept);
        }
    }
}
