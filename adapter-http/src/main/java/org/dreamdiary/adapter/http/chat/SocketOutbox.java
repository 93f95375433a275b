package org.dreamdiary.adapter.http.chat;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.WriteCallback;

/**
 * What is waiting to go out on one socket. Frames are sent one at a time without blocking the caller (the next
 * leaves when the previous is written), so a slow client holds up nobody else; one that lets more than
 * {@code capacity} frames pile up is closed with {@link LiveCloseCodes#TOO_SLOW}. An outbox exists before its
 * socket does: what is queued before {@link #attach} leaves once the socket is open.
 */
final class SocketOutbox {
    /** Null until the upgrade completes. */
    private volatile Session session;
    private final int capacity;
    private final Queue<Object> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicBoolean writing = new AtomicBoolean();
    private final AtomicBoolean closing = new AtomicBoolean();

    SocketOutbox(int capacity) {
        this.capacity = capacity;
    }

    /** The socket is open: what waits starts to leave. */
    void attach(Session opened) {
        this.session = opened;
        drain();
    }

    /** Queues a text frame; closes the socket instead when the client is too far behind. */
    void send(String text) {
        if (closing.get()) {
            return;
        }
        if (size.incrementAndGet() > capacity) {
            closeNow(LiveCloseCodes.TOO_SLOW, "too slow: more than " + capacity + " events waiting");
            return;
        }
        waiting.add(text);
        drain();
    }

    /** Closes once every frame queued before has been written. */
    void closeAfterPending(int code, String reason) {
        if (closing.compareAndSet(false, true)) {
            waiting.add(new Close(code, reason));
            drain();
        }
    }

    /** Closes at once, dropping what waits: a write that never completes must not delay it. */
    private void closeNow(int code, String reason) {
        if (closing.compareAndSet(false, true)) {
            waiting.clear();
            Session opened = session;
            if (opened != null) {
                opened.close(code, reason);
            } else {
                waiting.add(new Close(code, reason));
                drain(); // the socket may have opened since it was read
            }
        }
    }

    private void drain() {
        while (session != null && writing.compareAndSet(false, true)) {
            Object next = waiting.poll();
            if (next == null) {
                writing.set(false);
                if (waiting.isEmpty()) {
                    return;
                }
                continue; // something arrived between the poll and the release: go on
            }
            if (next instanceof Close close) {
                session.close(close.code, close.reason);
                return; // stays "writing": nothing more goes out
            }
            size.decrementAndGet();
            session.getRemote().sendString((String) next, new WriteCallback() {
                @Override
                public void writeSuccess() {
                    writing.set(false);
                    drain();
                }

                @Override
                public void writeFailed(Throwable failure) {
                    closing.set(true);
                    waiting.clear();
                    session.close(LiveCloseCodes.GOING_AWAY, "write failed");
                }
            });
            return;
        }
    }

    private record Close(int code, String reason) {
    }
}
