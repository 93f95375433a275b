package org.dreamdiary.application.port.in.chat;

import org.dreamdiary.application.change.Precondition;
import org.dreamdiary.domain.chat.Message;
import org.dreamdiary.domain.chat.MessageId;
import org.dreamdiary.domain.user.UserId;

public interface DeleteMessage {
    /**
     * The author or the chat's owner.
     *
     * @throws org.dreamdiary.domain.error.StaleVersionException when the message does not meet {@code precondition}
     */
    void delete(UserId caller, MessageId id, Precondition<Message> precondition);
}
