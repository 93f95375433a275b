package org.dreamdiary.application.port.out.chat;

import java.util.List;
import java.util.function.Consumer;
import org.dreamdiary.application.chat.ChatEvent;

/** Carries chat events between the nodes of the service. */
public interface ChatEvents {
    /**
     * Publishes {@code event} to every node once the current transaction commits; nothing is published if it
     * rolls back.
     */
    void publish(ChatEvent event);

    /** {@link #publish}es each event, in order. */
    default void publishAll(List<ChatEvent> events) {
        events.forEach(this::publish);
    }

    /** Calls {@code listener} with every event published by any node, in commit order, on one thread. */
    void subscribe(Consumer<ChatEvent> listener);
}
