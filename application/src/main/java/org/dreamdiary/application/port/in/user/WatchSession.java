package org.dreamdiary.application.port.in.user;

import java.time.Duration;

/**
 * Hears of the end of a caller's session, whichever node ended it, and tells how long the caller's token has left:
 * a live connection closes at whichever comes first.
 */
public interface WatchSession {
    /**
     * Runs {@code onEnd} once, when the caller's session ends (logout, password change elsewhere, account deletion,
     * a refresh token presented twice), until cancelled. Fails as unauthenticated if it has ended already. Runs on
     * the thread that delivers events: {@code onEnd} must not block.
     */
    Subscription watch(Principal caller, Runnable onEnd);

    /** How long the access token the caller showed stays good, by the service's clock; zero once it has expired. */
    Duration tokenLeft(Principal caller);

    interface Subscription {
        void cancel();
    }
}
