package org.dreamdiary.application.port.in.chat;

import org.dreamdiary.application.chat.ChatOverview;
import org.dreamdiary.domain.chat.ChatId;
import org.dreamdiary.domain.user.UserId;

public interface GetChat {
    int DEFAULT_LIMIT = 20;

    /** The chat and its latest {@code limit} messages, for members only. */
    ChatOverview overview(UserId caller, ChatId chat, int limit);
}
