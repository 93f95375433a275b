package org.dreamdiary.application.port.in.chat;

import org.dreamdiary.application.chat.ChatQuery;
import org.dreamdiary.application.chat.ChatView;
import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.domain.user.UserId;

/** The caller's chats, most recent activity (latest message, or creation) first, ties by id. */
public interface ListChats {
    Page<ChatView> list(UserId caller, ChatQuery query, PageRequest page);
}
