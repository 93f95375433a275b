package org.dreamdiary.application.port.in.chat;

import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.domain.chat.ChatId;
import org.dreamdiary.domain.user.User;
import org.dreamdiary.domain.user.UserId;

/** The members of a chat in joining order (the owner first), ties by id. */
public interface ListChatMembers {
    Page<User> members(UserId caller, ChatId chat, PageRequest page);
}
