package org.dreamdiary.application.port.in.chat;

import org.dreamdiary.application.change.ExpectedVersion;
import org.dreamdiary.domain.chat.ChatId;
import org.dreamdiary.domain.user.UserId;

public interface DeleteChat {
    /**
     * Owner only; the chat's messages and memberships go with it. {@code expected} is about the chat itself (its
     * title), not the messages posted to it.
     *
     * @throws org.dreamdiary.domain.error.StaleVersionException when the chat is not at {@code expected}
     */
    void delete(UserId caller, ChatId chat, ExpectedVersion expected);
}
