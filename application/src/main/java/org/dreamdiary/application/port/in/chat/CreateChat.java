package org.dreamdiary.application.port.in.chat;

import java.util.List;
import org.dreamdiary.application.chat.ChatView;
import org.dreamdiary.domain.chat.ChatTitle;
import org.dreamdiary.domain.user.UserId;

public interface CreateChat {
    /** The caller owns the new chat and is a member with {@code members}; each must name an existing user. */
    ChatView create(UserId caller, ChatTitle title, List<UserId> members);
}
