package org.dreamdiary.client.api;

import org.dreamdiary.client.model.ChatEvent;

/**
 * Receives a live chat's events, one at a time on a thread of the live chat, in the order they happened. A listener
 * that blocks holds up the events after it, not the client.
 */
public interface ChatListener {
    void onEvent(ChatEvent event);

    /** The live chat ended for good and will not reconnect; nothing follows. */
    default void onEnded(LiveChat.Ending ending) {
    }
}
