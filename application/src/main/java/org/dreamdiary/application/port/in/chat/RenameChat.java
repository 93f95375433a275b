package org.dreamdiary.application.port.in.chat;

import org.dreamdiary.application.change.Change;
import org.dreamdiary.application.change.Precondition;
import org.dreamdiary.application.chat.ChatOverview;
import org.dreamdiary.application.chat.ChatView;
import org.dreamdiary.domain.chat.ChatId;
import org.dreamdiary.domain.chat.ChatTitle;
import org.dreamdiary.domain.user.UserId;

public interface RenameChat {
    /**
     * Owner only. The precondition is about the chat with its latest {@link GetChat#DEFAULT_LIMIT} messages.
     *
     * @throws org.dreamdiary.domain.error.StaleVersionException when the chat does not meet {@code precondition}
     */
    ChatView rename(UserId caller, ChatId chat, Change<ChatTitle> title, Precondition<ChatOverview> precondition);
}
