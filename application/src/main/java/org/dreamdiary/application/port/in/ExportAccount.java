package org.dreamdiary.application.port.in;

import java.time.Instant;
import org.dreamdiary.application.chat.ChatView;
import org.dreamdiary.domain.chat.Message;
import java.util.List;
import org.dreamdiary.application.planning.DreamView;
import org.dreamdiary.application.planning.GoalView;
import org.dreamdiary.domain.diary.DiaryEntry;
import org.dreamdiary.domain.planning.Task;
import org.dreamdiary.domain.user.User;
import org.dreamdiary.domain.user.UserId;

/** Everything the service holds about a user, as one document. */
public interface ExportAccount {
    AccountExport export(UserId owner);

    /**
     * {@code chats} are the chats the user owns, each with all its messages; {@code messages} all the user wrote in
     * any chat. Messages run oldest first.
     */
    record AccountExport(Instant exportedAt, User profile, List<DreamView> dreams, List<GoalView> goals, List<Task> tasks,
                         List<DiaryEntry> diary, List<ChatArchive> chats, List<Message> messages) {
    }

    record ChatArchive(ChatView chat, List<Message> messages) {
    }
}
