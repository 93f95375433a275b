package org.dreamdiary.application.port.in.chat;

import org.dreamdiary.domain.chat.ChatId;
import org.dreamdiary.domain.chat.Message;
import org.dreamdiary.domain.chat.MessageText;
import org.dreamdiary.domain.user.UserId;

public interface SendMessage {
    Message send(UserId caller, ChatId chat, MessageText text);
}
