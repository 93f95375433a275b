package org.dreamdiary.application.port.out.user;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Tells every node of the service which sessions ended, so that their live connections close everywhere and what
 * a node remembers of live sessions is forgotten.
 */
public interface SessionEvents {
    /**
     * Publishes {@code ended} to every node once the current transaction commits; nothing is published if it
     * rolls back.
     */
    void publish(SessionsEnded ended);

    /** Calls {@code listener} with every publication of any node, in commit order, on one thread. */
    void subscribe(Consumer<SessionsEnded> listener);

    /**
     * Calls {@code listener} whenever publications may have been missed because this node was not listening for a
     * while: once it listens again, before any publication heard from then on, on the thread of {@link #subscribe}.
     * Whatever was learned from the publications until then may be out of date.
     */
    void subscribeToGaps(Runnable listener);

    /**
     * Whether every publication committed more than {@code lag} ago has reached this node's subscribers (or lies
     * in a gap already reported); false while this node is not listening. Costs no round trip.
     */
    boolean caughtUpWithin(Duration lag);
}
