package org.dreamdiary.application.port.in.user;

/** Hears of the end of a caller's session, whichever node ended it: a live connection then closes. */
public interface WatchSession {
    /**
     * Runs {@code onEnd} once, when the caller's session ends (logout, password change elsewhere, account deletion,
     * a refresh token presented twice), until cancelled. Fails as unauthenticated if it has ended already. Runs on
     * the thread that delivers events: {@code onEnd} must not block.
     */
    Subscription watch(Principal caller, Runnable onEnd);

    interface Subscription {
        void cancel();
    }
}
