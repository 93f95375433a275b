package org.dreamdiary.persistence.contract;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.dreamdiary.application.chat.ChatEvent;
import org.dreamdiary.application.port.out.Storage;
import org.dreamdiary.application.port.out.user.SessionsEnded;
import org.dreamdiary.domain.chat.ChatId;
import org.dreamdiary.domain.user.SessionId;

/**
 * What a store's chat and session events delivered to one subscriber of each, in the order it arrived. A store may
 * hand its subscribers the events of other stores on the same database, so a test looks only at its own chats and
 * sessions. That everything committed so far has arrived is shown by publishing a marker after it and waiting for
 * the marker: events arrive in commit order.
 */
final class Deliveries {
    private final Storage storage;
    /** Chat events and ended sessions, as they arrived. */
    private final List<Object> arrived = new CopyOnWriteArrayList<>();
    /** The threads that delivered them. */
    private final Set<Thread> delivering = ConcurrentHashMap.newKeySet();
    /** These ends keep the thread delivering them waiting in the subscriber until the latch opens. */
    private final Map<SessionsEnded, CountDownLatch> holding = new ConcurrentHashMap<>();

    private Deliveries(Storage storage) {
        this.storage = storage;
    }

    /** Subscribes to the store's events, then starts it, waiting until it listens. */
    static Deliveries listeningTo(Storage storage) {
        Deliveries deliveries = new Deliveries(storage);
        storage.sessionEvents().subscribe(deliveries::arrive);
        storage.chatEvents().subscribe(deliveries::arrive);
        storage.start(Await.PATIENCE);
        return deliveries;
    }

    private void arrive(Object event) {
        arrived.add(event);
        delivering.add(Thread.currentThread());
        CountDownLatch hold = holding.get(event);
        if (hold != null) {
            try {
                hold.await(Await.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Everything delivered, chat events and ended sessions, in the order it arrived. */
    List<Object> all() {
        return List.copyOf(arrived);
    }

    /** The threads that have delivered anything so far. */
    Set<Thread> deliveringThreads() {
        return Set.copyOf(delivering);
    }

    List<ChatEvent> of(ChatId chat) {
        return arrived.stream().filter(ChatEvent.class::isInstance).map(ChatEvent.class::cast)
                .filter(event -> event.chat().equals(chat)).toList();
    }

    void awaitEvents(String what, ChatId chat, int count) {
        Await.until(what, () -> of(chat).size() >= count);
    }

    /** Publishes a marker outside any transaction, so committed at once, and waits for it to arrive. */
    void everythingCommittedSoFarHasArrived() {
        ChatId marker = new ChatId(UUID.randomUUID());
        storage.chatEvents().publish(ChatEvent.chatDeleted(marker));
        awaitEvents("the marker event", marker, 1);
    }

    /**
     * From inside a transaction: publishes a marker on another thread and waits until it has arrived, or until that
     * thread waits for this transaction to end (a store running one transaction at a time). Either way, whatever
     * this transaction published has had its chance to arrive too early.
     */
    void othersCommitsHaveArrived() {
        ChatId marker = new ChatId(UUID.randomUUID());
        Background<Void> publishing = Background.start("publishing a marker", () -> {
            storage.chatEvents().publish(ChatEvent.chatDeleted(marker));
            return null;
        });
        if (publishing.doneOrWaiting()) {
            awaitEvents("the marker event", marker, 1);
        }
    }

    /** Makes the thread delivering ended sessions wait inside the subscriber until the returned latch opens. */
    CountDownLatch holdSessionDeliveries() {
        SessionsEnded blocker = SessionsEnded.one(new SessionId(UUID.randomUUID()));
        CountDownLatch release = new CountDownLatch(1);
        holding.put(blocker, release);
        storage.sessionEvents().publish(blocker);
        Await.until("the delivering thread to be held", () -> arrived.contains(blocker));
        return release;
    }
}
