package org.dreamdiary.application.port.in.chat;

import org.dreamdiary.domain.chat.ChatId;
import org.dreamdiary.domain.user.UserId;

public interface RemoveChatMember {
    /** The owner removes anyone but itself; a member removes itself (leaves). */
    void remove(UserId caller, ChatId chat, UserId member);
}
