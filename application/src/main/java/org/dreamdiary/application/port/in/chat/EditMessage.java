package org.dreamdiary.application.port.in.chat;

import org.dreamdiary.application.change.Change;
import org.dreamdiary.application.change.ExpectedVersion;
import org.dreamdiary.domain.chat.Message;
import org.dreamdiary.domain.chat.MessageId;
import org.dreamdiary.domain.chat.MessageText;
import org.dreamdiary.domain.user.UserId;

public interface EditMessage {
    /**
     * Author only; an unchanged text is no edit (the message is answered as it is).
     *
     * @throws org.dreamdiary.domain.error.StaleVersionException when the message is not at {@code expected}
     */
    Message edit(UserId caller, MessageId id, Change<MessageText> text, ExpectedVersion expected);
}
