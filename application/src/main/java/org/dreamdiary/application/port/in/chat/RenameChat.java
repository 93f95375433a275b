package org.dreamdiary.application.port.in.chat;

import org.dreamdiary.application.chat.ChatView;
import org.dreamdiary.domain.chat.ChatId;
import org.dreamdiary.domain.chat.ChatTitle;
import org.dreamdiary.domain.user.UserId;

public interface RenameChat {
    /** Owner only; fails when the chat changed since {@code basedOnVersion}. */
    ChatView rename(UserId caller, ChatId chat, ChatTitle title, long basedOnVersion);
}
