package org.dreamdiary.application.port.in.user;

import java.time.Instant;
import org.dreamdiary.domain.user.SessionId;
import org.dreamdiary.domain.user.UserId;

/** The authenticated caller: who, through which session, and until when the token it showed is good. */
public record Principal(UserId user, SessionId session, Instant expiresAt) {
}
