package org.dreamdiary.adapter.memory;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import org.dreamdiary.application.chat.ChatEvent;
import org.dreamdiary.application.port.out.chat.ChatEvents;
import org.dreamdiary.application.port.out.user.SessionEvents;
import org.dreamdiary.application.port.out.user.SessionsEnded;

/**
 * Chat and session events of the one node there is: handed on as their transaction commits, in commit order, and
 * delivered to the subscribers on one thread of their own; nothing is delivered for a transaction that rolls back.
 */
final class MemoryEvents implements ChatEvents, AutoCloseable {
    /** One publication, with the time it was committed. */
    private record Published(Object event, long committedAtNanos) {
    }

    private final MemoryTransactions transactions;
    private static final System.Logger LOG = System.getLogger(MemoryEvents.class.getName());

    /** Committed and not yet delivered to every subscriber, oldest first; the one being delivered stays at the head. */
    private final Queue<Published> committed = new ConcurrentLinkedQueue<>();
    private final Semaphore waiting = new Semaphore(0);
    private final List<Consumer<ChatEvent>> chatListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<SessionsEnded>> sessionListeners = new CopyOnWriteArrayList<>();
    private final Thread delivery;
    private final SessionEvents sessions = new SessionEvents() {
        @Override
        public void publish(SessionsEnded ended) {
            MemoryEvents.this.publishAtCommit(ended);
        }

        @Override
        public void subscribe(Consumer<SessionsEnded> listener) {
            sessionListeners.add(listener);
        }

        /** One node never stops hearing itself, so no publication is ever missed. */
        @Override
        public void subscribeToGaps(Runnable listener) {
        }

        @Override
        public boolean caughtUpWithin(Duration lag) {
            Published oldest = committed.peek();
            return oldest == null || System.nanoTime() - oldest.committedAtNanos() < lag.toNanos();
        }
    };

    MemoryEvents(MemoryTransactions transactions) {
        this.transactions = transactions;
        this.delivery = new Thread(this::deliver, "memory-events");
        delivery.setDaemon(true);
        delivery.start();
    }

    @Override
    public void publish(ChatEvent event) {
        publishAtCommit(event);
    }

    @Override
    public void subscribe(Consumer<ChatEvent> listener) {
        chatListeners.add(listener);
    }

    SessionEvents sessions() {
        return sessions;
    }

    private void publishAtCommit(Object event) {
        transactions.atomically(() -> transactions.atCommit(() -> {
            committed.add(new Published(event, System.nanoTime()));
            waiting.release();
        }));
    }

    private void deliver() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                waiting.acquire();
                Published next = committed.peek();
                if (next.event() instanceof ChatEvent chat) {
                    chatListeners.forEach(listener -> tell(listener, chat));
                } else {
                    sessionListeners.forEach(listener -> tell(listener, (SessionsEnded) next.event()));
                }
                committed.remove();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A subscriber that fails does not keep the next from hearing, nor itself from hearing what comes after. */
    private static <E> void tell(Consumer<E> listener, E event) {
        try {
            listener.accept(event);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "an event subscriber failed", e);
        }
    }

    @Override
    public void close() {
        delivery.interrupt();
    }
}
