package org.dreamdiary.application.service.user;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.dreamdiary.application.port.in.user.Principal;
import org.dreamdiary.application.port.in.user.WatchSession;
import org.dreamdiary.application.port.out.Clock;
import org.dreamdiary.application.port.out.user.SessionEvents;
import org.dreamdiary.application.port.out.user.Sessions;
import org.dreamdiary.application.port.out.user.SessionsEnded;
import org.dreamdiary.domain.error.UnauthenticatedException;

/**
 * The sessions that this node's live connections watch, held in memory on this node: their ends come from every
 * node through {@link SessionEvents}, their tokens' time left from the service's clock.
 */
public final class LiveSessionService implements WatchSession {
    private static final System.Logger LOG = System.getLogger(LiveSessionService.class.getName());

    private final Sessions sessions;
    private final Clock clock;
    private final Set<Watcher> watchers = ConcurrentHashMap.newKeySet();

    public LiveSessionService(Sessions sessions, SessionEvents events, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
        events.subscribe(this::dispatch);
    }

    @Override
    public Subscription watch(Principal caller, Runnable onEnd) {
        Watcher watcher = new Watcher(caller, onEnd);
        watchers.add(watcher);
        // checked once registered: an end committed before is seen here, one committed after is delivered
        if (!sessions.isActive(caller.session(), caller.user())) {
            watcher.cancel();
            throw new UnauthenticatedException("the session has ended");
        }
        return watcher;
    }

    @Override
    public Duration tokenLeft(Principal caller) {
        Duration left = Duration.between(clock.now(), caller.expiresAt());
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** How many sessions this node watches. */
    public int watched() {
        return watchers.size();
    }

    private void dispatch(SessionsEnded ended) {
        for (Watcher watcher : watchers) {
            if (ended.includes(watcher.caller.user(), watcher.caller.session()) && watchers.remove(watcher)) {
                try {
                    watcher.onEnd.run();
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "a session watcher failed", e);
                }
            }
        }
    }

    private final class Watcher implements Subscription {
        private final Principal caller;
        private final Runnable onEnd;

        Watcher(Principal caller, Runnable onEnd) {
            this.caller = caller;
            this.onEnd = onEnd;
        }

        @Override
        public void cancel() {
            watchers.remove(this);
        }
    }
}
