package org.dreamdiary.application.port.in.chat;

import java.time.LocalDate;
import java.util.Optional;
import org.dreamdiary.application.chat.ChatStats;
import org.dreamdiary.domain.chat.ChatId;
import org.dreamdiary.domain.user.UserId;

public interface ChatStatistics {
    /** Over the days {@code from} to {@code to} (UTC, both included; open ends when empty). */
    ChatStats stats(UserId caller, ChatId chat, Optional<LocalDate> from, Optional<LocalDate> to);
}
