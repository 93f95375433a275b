package org.dreamdiary.application.port.in.chat;

import org.dreamdiary.domain.chat.ChatId;
import org.dreamdiary.domain.user.UserId;

public interface DeleteChat {
    /** Owner only; the chat's messages and memberships go with it. */
    void delete(UserId caller, ChatId chat);
}
