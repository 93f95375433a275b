package org.dreamdiary.client.error;

/**
 * The session is over and its tokens cannot be refreshed: its refresh token was refused, because it was used a
 * second time (the service then revokes the whole session, as it would for a stolen copy), it expired, or the session
 * ended (a logout, a password change, the account deleted). Log in again.
 */
public final class SessionRevokedException extends UnauthorizedException {
    public SessionRevokedException(Problem problem) {
        super(problem);
    }
}
