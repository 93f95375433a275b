package org.dreamdiary.application.port.in.chat;

import org.dreamdiary.domain.chat.MessageId;
import org.dreamdiary.domain.user.UserId;

public interface DeleteMessage {
    /** The author or the chat's owner. */
    void delete(UserId caller, MessageId id);
}
