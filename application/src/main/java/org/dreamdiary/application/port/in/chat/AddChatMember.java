package org.dreamdiary.application.port.in.chat;

import org.dreamdiary.domain.chat.ChatId;
import org.dreamdiary.domain.user.User;
import org.dreamdiary.domain.user.UserId;

public interface AddChatMember {
    /** Owner only; returns the new member. */
    User add(UserId caller, ChatId chat, UserId member);
}
