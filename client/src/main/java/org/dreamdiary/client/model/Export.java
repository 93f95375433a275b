package org.dreamdiary.client.model;

import java.time.Instant;
import java.util.List;

/**
 * One consistent snapshot of all of the user's data, as {@code GET /api/v1/users/me/export} gives it: the profile,
 * dreams, goals, tasks, diary, the metadata of every attachment (the bytes are at each one's {@code contentUrl}), the
 * chats the user owns with every message, and every message the user wrote in any chat.
 */
public record Export(Instant exportedAt, User profile, List<Dream> dreams, List<Goal> goals, List<Task> tasks,
                     List<DiaryEntry> diary, List<Attachment> attachments, List<OwnedChat> chats,
                     List<Message> messages) {
    public Export {
        dreams = List.copyOf(dreams);
        goals = List.copyOf(goals);
        tasks = List.copyOf(tasks);
        diary = List.copyOf(diary);
        attachments = List.copyOf(attachments);
        chats = List.copyOf(chats);
        messages = List.copyOf(messages);
    }

    /** A chat the user owns, with all its messages, oldest first. */
    public record OwnedChat(Chat chat, List<Message> messages) {
        public OwnedChat {
            messages = List.copyOf(messages);
        }
    }
}
