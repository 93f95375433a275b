package org.dreamdiary.adapter.http.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.websocket.api.RemoteEndpoint;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.WriteCallback;
import org.junit.jupiter.api.Test;

/**
 * The send queue of one live socket, on a fake Jetty session whose writes complete only when the test says so:
 * frames leave one at a time and in order, a client that lets more than the capacity pile up is closed with 4008,
 * and a pending close waits for the frames queued before it.
 */
class SocketOutboxTest {
    private static final int CAPACITY = LiveChatRoutes.SEND_QUEUE;

    /** A session whose remote endpoint records every frame handed to it and never completes a write by itself. */
    private static final class FakeSession {
        final List<String> sent = Collections.synchronizedList(new ArrayList<>());
        final List<WriteCallback> writes = Collections.synchronizedList(new ArrayList<>());
        final List<String> closes = Collections.synchronizedList(new ArrayList<>());
        final Session session;

        FakeSession() {
            RemoteEndpoint remote = (RemoteEndpoint) Proxy.newProxyInstance(RemoteEndpoint.class.getClassLoader(),
                    new Class<?>[] {RemoteEndpoint.class}, (proxy, method, args) -> {
                        if (method.getName().equals("sendString") && args.length == 2) {
                            sent.add((String) args[0]);
                            writes.add((WriteCallback) args[1]);
                            return null;
                        }
                        throw new UnsupportedOperationException(method.toString());
                    });
            session = (Session) Proxy.newProxyInstance(Session.class.getClassLoader(), new Class<?>[] {Session.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("getRemote")) {
                            return remote;
                        }
                        if (method.getName().equals("close") && args != null && args.length == 2) {
                            closes.add(args[0] + " " + args[1]);
                            return null;
                        }
                        throw new UnsupportedOperationException(method.toString());
                    });
        }

        /** Completes the write of the {@code index}-th frame handed to the endpoint. */
        void written(int index) {
            writes.get(index).writeSuccess();
        }
    }

    private static SocketOutbox opened(FakeSession fake) {
        SocketOutbox outbox = new SocketOutbox(CAPACITY);
        outbox.attach(fake.session);
        return outbox;
    }

    @Test
    void whatIsQueuedBeforeTheSocketOpensWaitsAndThenLeavesInOrderWithItsClose() {
        FakeSession fake = new FakeSession();
        SocketOutbox outbox = new SocketOutbox(CAPACITY);
        outbox.send("message.created");
        outbox.send("chat.deleted");
        outbox.closeAfterPending(LiveCloseCodes.CHAT_DELETED, "the chat was deleted");
        assertThat(fake.sent).isEmpty();

        outbox.attach(fake.session);
        assertThat(fake.sent).containsExactly("message.created");
        fake.written(0);
        fake.written(1);

        assertThat(fake.sent).containsExactly("message.created", "chat.deleted");
        assertThat(fake.closes).containsExactly("4004 the chat was deleted");
    }

    @Test
    void aClientTooFarBehindBeforeItsSocketOpensIsClosedWith4008AsItOpensAndGetsNothing() {
        FakeSession fake = new FakeSession();
        SocketOutbox outbox = new SocketOutbox(CAPACITY);
        for (int i = 0; i <= CAPACITY; i++) {
            outbox.send("waiting " + i);
        }
        assertThat(fake.closes).isEmpty();

        outbox.attach(fake.session);

        assertThat(fake.sent).isEmpty();
        assertThat(fake.closes).containsExactly("4008 too slow: more than 256 events waiting");
    }

    @Test
    void framesLeaveOneAtATimeInTheOrderTheyWereQueuedEachAfterThePreviousIsWritten() {
        FakeSession fake = new FakeSession();
        SocketOutbox outbox = opened(fake);

        outbox.send("first");
        outbox.send("second");
        outbox.send("third");
        assertThat(fake.sent).containsExactly("first");

        fake.written(0);
        assertThat(fake.sent).containsExactly("first", "second");
        fake.written(1);
        assertThat(fake.sent).containsExactly("first", "second", "third");
        fake.written(2);
        outbox.send("fourth");
        assertThat(fake.sent).containsExactly("first", "second", "third", "fourth");
        assertThat(fake.closes).isEmpty();
    }

    @Test
    void aClientThatLetsMoreThan256FramesWaitIsClosedWith4008AndGetsNothingMore() {
        FakeSession fake = new FakeSession();
        SocketOutbox outbox = opened(fake);

        outbox.send("in flight");
        for (int i = 1; i <= CAPACITY; i++) {
            outbox.send("waiting " + i);
        }
        assertThat(fake.sent).containsExactly("in flight");
        assertThat(fake.closes).as("256 waiting frames are still fine").isEmpty();

        outbox.send("one too many");
        assertThat(fake.closes).containsExactly("4008 too slow: more than 256 events waiting");

        outbox.send("after the close");
        outbox.closeAfterPending(LiveCloseCodes.CHAT_DELETED, "the chat was deleted");
        fake.written(0);
        assertThat(fake.sent).containsExactly("in flight");
        assertThat(fake.closes).hasSize(1);
    }

    @Test
    void aClientThatKeepsUpIsNeverClosedHoweverManyFramesItGets() {
        FakeSession fake = new FakeSession();
        SocketOutbox outbox = opened(fake);

        for (int i = 0; i < 3 * CAPACITY; i++) {
            outbox.send("frame " + i);
            fake.written(i);
        }
        assertThat(fake.sent).hasSize(3 * CAPACITY).endsWith("frame " + (3 * CAPACITY - 1));
        assertThat(fake.closes).isEmpty();
    }

    @Test
    void aPendingCloseWaitsUntilEveryFrameQueuedBeforeItIsWritten() {
        FakeSession fake = new FakeSession();
        SocketOutbox outbox = opened(fake);
        outbox.send("message.deleted");
        outbox.send("chat.deleted");

        outbox.closeAfterPending(LiveCloseCodes.CHAT_DELETED, "the chat was deleted");
        outbox.send("sent after the close was asked for");
        assertThat(fake.closes).isEmpty();

        fake.written(0);
        assertThat(fake.sent).containsExactly("message.deleted", "chat.deleted");
        assertThat(fake.closes).isEmpty();

        fake.written(1);
        assertThat(fake.closes).containsExactly("4004 the chat was deleted");
        assertThat(fake.sent).containsExactly("message.deleted", "chat.deleted");
    }

    @Test
    void aPendingCloseWithNothingQueuedClosesAtOnceAndOnlyTheFirstCloseCounts() {
        FakeSession fake = new FakeSession();
        SocketOutbox outbox = opened(fake);

        outbox.closeAfterPending(LiveCloseCodes.REMOVED, "removed from the chat");
        outbox.closeAfterPending(LiveCloseCodes.GOING_AWAY, "the server is stopping");

        assertThat(fake.closes).containsExactly("4003 removed from the chat");
    }

    @Test
    void aFailedWriteClosesTheSocketAsGoingAwayAndDropsWhatWaited() {
        FakeSession fake = new FakeSession();
        SocketOutbox outbox = opened(fake);
        outbox.send("lost");
        outbox.send("never sent");

        fake.writes.get(0).writeFailed(new java.io.IOException("connection reset"));

        assertThat(fake.closes).containsExactly("1001 write failed");
        assertThat(fake.sent).containsExactly("lost");
    }

    @Test
    void framesQueuedFromManyThreadsWhileTheSocketOpensAreAllSentOnceWithOneWriteInFlightAtATime() throws Exception {
        int threads = 4;
        int perThread = 200;
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        List<String> sent = Collections.synchronizedList(new ArrayList<>());
        ExecutorService writer = Executors.newSingleThreadExecutor();
        RemoteEndpoint remote = (RemoteEndpoint) Proxy.newProxyInstance(RemoteEndpoint.class.getClassLoader(),
                new Class<?>[] {RemoteEndpoint.class}, (proxy, method, args) -> {
                    mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    sent.add((String) args[0]);
                    writer.execute(() -> {
                        inFlight.decrementAndGet();
                        ((WriteCallback) args[1]).writeSuccess();
                    });
                    return null;
                });
        List<String> closes = Collections.synchronizedList(new ArrayList<>());
        Session session = (Session) Proxy.newProxyInstance(Session.class.getClassLoader(), new Class<?>[] {Session.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getRemote")) {
                        return remote;
                    }
                    closes.add(String.valueOf(args[0]));
                    return null;
                });
        SocketOutbox outbox = new SocketOutbox(threads * perThread);
        ExecutorService senders = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(senders.submit(() -> {
                    go.await();
                    for (int i = 0; i < perThread; i++) {
                        outbox.send(thread + ":" + i);
                    }
                    return null;
                }));
            }
            go.countDown();
            outbox.attach(session); // while the senders are at it
            for (Future<?> each : done) {
                each.get(10, TimeUnit.SECONDS);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (sent.size() < threads * perThread && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        } finally {
            senders.shutdownNow();
            writer.shutdown();
            assertThat(writer.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(sent).hasSize(threads * perThread).doesNotHaveDuplicates();
        for (int t = 0; t < threads; t++) {
            String prefix = t + ":";
            List<Integer> order = sent.stream().filter(frame -> frame.startsWith(prefix))
                    .map(frame -> Integer.parseInt(frame.substring(prefix.length()))).toList();
            assertThat(order).as("frames of thread %d", t).isSorted().hasSize(perThread);
        }
        assertThat(mostInFlight.get()).isEqualTo(1);
        assertThat(closes).isEmpty();
    }
}
