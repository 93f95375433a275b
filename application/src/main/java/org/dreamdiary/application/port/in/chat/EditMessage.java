package org.dreamdiary.application.port.in.chat;

import org.dreamdiary.domain.chat.Message;
import org.dreamdiary.domain.chat.MessageId;
import org.dreamdiary.domain.chat.MessageText;
import org.dreamdiary.domain.user.UserId;

public interface EditMessage {
    /** Author only; fails when the message changed since {@code basedOnVersion}. */
    Message edit(UserId caller, MessageId id, MessageText text, long basedOnVersion);
}
