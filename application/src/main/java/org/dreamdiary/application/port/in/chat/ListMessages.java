package org.dreamdiary.application.port.in.chat;

import org.dreamdiary.application.chat.MessageCursor;
import org.dreamdiary.application.chat.MessageSlice;
import org.dreamdiary.domain.chat.ChatId;
import org.dreamdiary.domain.user.UserId;

public interface ListMessages {
    int DEFAULT_LIMIT = 50;

    MessageSlice list(UserId caller, ChatId chat, MessageCursor cursor);
}
