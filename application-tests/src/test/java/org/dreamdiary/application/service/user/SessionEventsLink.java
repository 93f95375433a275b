package org.dreamdiary.application.service.user;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.dreamdiary.application.port.out.user.SessionEvents;
import org.dreamdiary.application.port.out.user.SessionsEnded;

/**
 * This node's link to the session events of the memory store, which a test can hold back or break as a real link
 * between nodes can be: the store is one node that never misses its own events, so the lag and the gaps of a
 * listening connection are acted out here. Publishing, committing and delivering are the store's; this link only
 * decides whether what the store delivers goes on to this node's subscribers now, later or never.
 */
final class SessionEventsLink implements SessionEvents {
    private final SessionEvents store;
    /** Waits until the store has delivered everything committed so far. */
    private final Runnable settle;
    private final List<Consumer<SessionsEnded>> subscribers = new CopyOnWriteArrayList<>();
    private final List<Runnable> gapListeners = new CopyOnWriteArrayList<>();
    /** Delivered by the store but held back from the subscribers; null while deliveries go on at once. */
    private List<SessionsEnded> held;
    private volatile boolean listening = true;

    SessionEventsLink(SessionEvents store, Runnable settle) {
        this.store = store;
        this.settle = settle;
        store.subscribe(this::delivered);
    }

    @Override
    public void publish(SessionsEnded ended) {
        store.publish(ended);
    }

    @Override
    public void subscribe(Consumer<SessionsEnded> listener) {
        subscribers.add(listener);
    }

    @Override
    public void subscribeToGaps(Runnable listener) {
        gapListeners.add(listener);
    }

    @Override
    public boolean caughtUpWithin(Duration lag) {
        return listening && store.caughtUpWithin(lag);
    }

    private void delivered(SessionsEnded ended) {
        synchronized (this) {
            if (held != null) {
                held.add(ended);
                return;
            }
        }
        subscribers.forEach(subscriber -> subscriber.accept(ended));
    }

    /** A listener caught up within the bound but not yet with the latest commit: what arrives waits. */
    synchronized void holdDeliveries() {
        held = new ArrayList<>();
    }

    /** The subscribers get what was held back, in the order it arrived, and what arrives next at once again. */
    void releaseDeliveries() {
        settle.run();
        List<SessionsEnded> due;
        synchronized (this) {
            due = held;
            held = null;
        }
        due.forEach(ended -> subscribers.forEach(subscriber -> subscriber.accept(ended)));
    }

    /** As if the listening connection were lost: not caught up, and what is published meanwhile never arrives. */
    synchronized void stopListening() {
        listening = false;
        held = new ArrayList<>();
    }

    /** Listening again: what was published meanwhile stays lost, and the gap is reported. */
    void listenAgain() {
        settle.run();
        synchronized (this) {
            held = null;
        }
        gapListeners.forEach(Runnable::run);
        listening = true;
    }
}
