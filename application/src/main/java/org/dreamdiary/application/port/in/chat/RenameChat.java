package org.dreamdiary.application.port.in.chat;

import org.dreamdiary.application.change.Change;
import org.dreamdiary.application.change.ExpectedVersion;
import org.dreamdiary.application.chat.ChatView;
import org.dreamdiary.domain.chat.ChatId;
import org.dreamdiary.domain.chat.ChatTitle;
import org.dreamdiary.domain.user.UserId;

public interface RenameChat {
    /**
     * Owner only. {@code expected} is about the chat itself (its title), not the messages posted to it.
     *
     * @throws org.dreamdiary.domain.error.StaleVersionException when the chat is not at {@code expected}
     */
    ChatView rename(UserId caller, ChatId chat, Change<ChatTitle> title, ExpectedVersion expected);
}
