package org.dreamdiary.application.service.user;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.dreamdiary.application.port.out.Clock;
import org.dreamdiary.application.port.out.Transactions;
import org.dreamdiary.application.port.out.user.SessionEvents;
import org.dreamdiary.application.port.out.user.Sessions;
import org.dreamdiary.application.port.out.user.SessionsEnded;
import org.dreamdiary.domain.user.SessionId;
import org.dreamdiary.domain.user.UserId;

/**
 * The sessions this node has lately found live in the database, so that most requests need no lookup. Ended
 * sessions are forgotten as their ends are heard from every node through {@link SessionEvents}, and all of them
 * when ends may have been missed. What is remembered is believed only while those ends are caught up within
 * {@link #REVOCATION_BOUND}: every end committed earlier has then been heard and has removed its sessions.
 * Otherwise (not listening, or lagging) every check asks the database. So a session ended on any node is refused
 * on every node within that bound, and on the node that ended it at once: it forgets as the transaction commits.
 */
public final class ActiveSessionCache {
    /** How long after its end is committed a session may still be accepted by a node that has not heard of it. */
    public static final Duration REVOCATION_BOUND = Duration.ofSeconds(1);

    private final Sessions sessions;
    private final SessionEvents events;
    private final Transactions transactions;
    private final Clock clock;
    private final int capacity;
    private final Map<SessionId, Known> known = new ConcurrentHashMap<>();
    /**
     * Bumped by every forgetting (written under this object's lock): a lookup during which something was forgotten
     * may have read the database before that end committed, so its answer is not remembered.
     */
    private volatile long forgettings;
    private final LongAdder fromMemory = new LongAdder();
    private final LongAdder fromDatabase = new LongAdder();

    /** @param capacity how many sessions are remembered at most; when full, all are forgotten and it starts again */
    public ActiveSessionCache(Sessions sessions, SessionEvents events, Transactions transactions, Clock clock,
                              int capacity) {
        this.sessions = sessions;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.capacity = capacity;
        events.subscribe(this::forget);
        events.subscribeToGaps(this::forgetAll);
    }

    /**
     * Whether the session is live and the user's: from memory when that can be believed, else from the database;
     * a live answer is remembered until {@code until} (the end of the token that asked, so never longer than one).
     */
    public boolean isActive(SessionId session, UserId user, Instant until) {
        // caught up first: an end committed before then has already removed the entry read next
        if (events.caughtUpWithin(REVOCATION_BOUND)) {
            Known entry = known.get(session);
            if (entry != null && entry.user().equals(user) && clock.now().isBefore(entry.until())) {
                fromMemory.increment();
                return true;
            }
        }
        long forgettingsBefore = forgettings;
        fromDatabase.increment();
        boolean active = sessions.isActive(session, user);
        if (active) {
            remember(session, new Known(user, until), forgettingsBefore);
        }
        return active;
    }

    /**
     * The session events for the use cases of this node that end sessions: what they end is forgotten here as
     * their transaction commits, before their caller hears of it, not a moment later when the notification is heard.
     */
    public SessionEvents events() {
        return new SessionEvents() {
            @Override
            public void publish(SessionsEnded ended) {
                events.publish(ended);
                transactions.afterCommit(() -> forget(ended));
            }

            @Override
            public void subscribe(Consumer<SessionsEnded> listener) {
                events.subscribe(listener);
            }

            @Override
            public void subscribeToGaps(Runnable listener) {
                events.subscribeToGaps(listener);
            }

            @Override
            public boolean caughtUpWithin(Duration lag) {
                return events.caughtUpWithin(lag);
            }
        };
    }

    /** How many checks were answered from memory. */
    public long answeredFromMemory() {
        return fromMemory.sum();
    }

    /** How many checks asked the database. */
    public long answeredFromDatabase() {
        return fromDatabase.sum();
    }

    private synchronized void remember(SessionId session, Known entry, long forgettingsBefore) {
        if (forgettings != forgettingsBefore) {
            return;
        }
        if (known.size() >= capacity) {
            // cheaper than finding the least useful entry; costs each session in use one more lookup
            known.clear();
        }
        known.put(session, entry);
    }

    private synchronized void forget(SessionsEnded ended) {
        forgettings++;
        if (ended instanceof SessionsEnded.One one) {
            known.remove(one.session());
        } else {
            known.entrySet().removeIf(entry -> ended.includes(entry.getValue().user(), entry.getKey()));
        }
    }

    private synchronized void forgetAll() {
        forgettings++;
        known.clear();
    }

    private record Known(UserId user, Instant until) {
    }
}
