package org.dreamdiary.application.port.in.chat;

import org.dreamdiary.application.change.Precondition;
import org.dreamdiary.application.chat.ChatOverview;
import org.dreamdiary.domain.chat.ChatId;
import org.dreamdiary.domain.user.UserId;

public interface DeleteChat {
    /**
     * Owner only; the chat's messages and memberships go with it. The precondition is about the chat with its latest
     * {@link GetChat#DEFAULT_LIMIT} messages.
     *
     * @throws org.dreamdiary.domain.error.StaleVersionException when the chat does not meet {@code precondition}
     */
    void delete(UserId caller, ChatId chat, Precondition<ChatOverview> precondition);
}
