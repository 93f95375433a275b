package org.dreamdiary.application.port.in.chat;

import org.dreamdiary.application.change.ExpectedVersion;
import org.dreamdiary.domain.chat.MessageId;
import org.dreamdiary.domain.user.UserId;

public interface DeleteMessage {
    /**
     * The author or the chat's owner.
     *
     * @throws org.dreamdiary.domain.error.StaleVersionException when the message is not at {@code expected}
     */
    void delete(UserId caller, MessageId id, ExpectedVersion expected);
}
