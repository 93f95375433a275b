package org.dreamdiary.application.service;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.dreamdiary.application.chat.ChatEvent;
import org.dreamdiary.application.port.out.chat.ChatEvents;
import org.dreamdiary.application.port.out.user.SessionEvents;
import org.dreamdiary.application.port.out.user.SessionsEnded;
import org.dreamdiary.domain.chat.ChatId;
import org.dreamdiary.domain.user.SessionId;

/**
 * The events of one kind the memory store delivered to a subscriber of its own, in the order they arrived. The store
 * delivers after commit, on a thread of its own, one event to every subscriber before the next, in commit order (as
 * the kit's ChatEventsContract and SessionEventsContract prove). So once a marker published now has arrived here,
 * every event committed before it has reached every subscriber: that is how a test waits for deliveries.
 */
public final class Heard<E> {
    private final Consumer<E> publish;
    private final Supplier<E> newMarker;
    private final List<E> arrived = new CopyOnWriteArrayList<>();
    private final Set<E> markers = ConcurrentHashMap.newKeySet();

    private Heard(Consumer<Consumer<E>> subscribe, Consumer<E> publish, Supplier<E> newMarker) {
        this.publish = publish;
        this.newMarker = newMarker;
        subscribe.accept(arrived::add);
    }

    /** The markers are deletions of chats nobody has. */
    public static Heard<ChatEvent> chatEvents(ChatEvents events) {
        return new Heard<>(events::subscribe, events::publish,
                () -> ChatEvent.chatDeleted(new ChatId(UUID.randomUUID())));
    }

    /** The markers are ends of sessions nobody has. */
    public static Heard<SessionsEnded> sessionEnds(SessionEvents events) {
        return new Heard<>(events::subscribe, events::publish,
                () -> SessionsEnded.one(new SessionId(UUID.randomUUID())));
    }

    /**
     * Waits until every event committed so far has been delivered to every subscriber. Called outside any
     * transaction: the marker is published outside one, so it is committed at once.
     */
    public void settle() {
        E marker = newMarker.get();
        markers.add(marker);
        publish.accept(marker);
        Await.until("the events committed so far to be delivered", () -> arrived.contains(marker));
    }

    /** The events committed so far, as delivered, once every one of them has been. */
    public List<E> published() {
        settle();
        return arrived.stream().filter(event -> !markers.contains(event)).toList();
    }
}
