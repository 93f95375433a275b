package org.dreamdiary.application.port.in.chat;

import org.dreamdiary.domain.chat.Message;
import org.dreamdiary.domain.chat.MessageId;
import org.dreamdiary.domain.user.UserId;

public interface GetMessage {
    /** A message of a chat the caller is a member of. */
    Message message(UserId caller, MessageId id);
}
