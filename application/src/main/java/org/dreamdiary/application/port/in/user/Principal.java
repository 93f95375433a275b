package org.dreamdiary.application.port.in.user;

import org.dreamdiary.domain.user.SessionId;
import org.dreamdiary.domain.user.UserId;

/** The authenticated caller: who, and through which session. */
public record Principal(UserId user, SessionId session) {
}
