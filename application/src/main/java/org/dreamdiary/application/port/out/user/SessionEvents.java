package org.dreamdiary.application.port.out.user;

import java.util.function.Consumer;

/** Tells every node of the service which sessions ended, so that their live connections close everywhere. */
public interface SessionEvents {
    /**
     * Publishes {@code ended} to every node once the current transaction commits; nothing is published if it
     * rolls back.
     */
    void publish(SessionsEnded ended);

    /** Calls {@code listener} with every publication of any node, in commit order, on one thread. */
    void subscribe(Consumer<SessionsEnded> listener);
}
