package org.dreamdiary.application.port.in.chat;

import java.util.function.Consumer;
import org.dreamdiary.application.chat.ChatEvent;
import org.dreamdiary.domain.chat.ChatId;
import org.dreamdiary.domain.user.UserId;

/** Live events of a chat, whichever node of the service caused them. */
public interface WatchChat {
    /** Fails with not-found unless the caller is a member: checked before a socket is opened. */
    void requireMember(UserId caller, ChatId chat);

    /**
     * Delivers every later event of the chat to {@code listener}, until cancelled. The listener also receives the
     * chat's deletion and the caller's own removal from it, after which nothing more comes. Deliveries are in
     * commit order, on one thread: a listener must not block.
     */
    Subscription watch(UserId caller, ChatId chat, Consumer<ChatEvent> listener);

    interface Subscription {
        void cancel();
    }
}
