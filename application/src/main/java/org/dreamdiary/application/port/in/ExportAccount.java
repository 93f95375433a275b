package org.dreamdiary.application.port.in;

import java.time.Instant;
import java.util.function.Consumer;
import org.dreamdiary.application.chat.ChatView;
import org.dreamdiary.application.planning.DreamView;
import org.dreamdiary.application.planning.GoalView;
import org.dreamdiary.application.planning.TaskView;
import org.dreamdiary.domain.attachment.Attachment;
import org.dreamdiary.domain.chat.Message;
import org.dreamdiary.domain.diary.DiaryEntry;
import org.dreamdiary.domain.user.User;
import org.dreamdiary.domain.user.UserId;

/**
 * Everything the service holds about a user, as one document written while it is read: the export hands each part
 * to an {@link Archive} as it comes, so that no account is too large to export.
 */
public interface ExportAccount {
    /** Fills {@code archive}, part by part in the order of its methods; fails before the first part if it cannot. */
    void export(UserId owner, Archive archive);

    /**
     * Where an export goes. Each method is called once, in the order declared; a part's rows are read while the
     * archive walks them with {@link Rows#forEach}, once only. {@code attachments} are their metadata; {@code chats} are the chats the user owns, each with
     * all its messages; {@code messages} all the user wrote in any chat. Messages run oldest first.
     */
    interface Archive {
        void profile(Instant exportedAt, User profile);

        void dreams(Rows<DreamView> dreams);

        void goals(Rows<GoalView> goals);

        void tasks(Rows<TaskView> tasks);

        void diary(Rows<DiaryEntry> diary);

        /** Every attachment's metadata (the bytes are the files' own downloads). */
        void attachments(Rows<Attachment> attachments);

        void chats(Rows<ChatArchive> chats);

        void messages(Rows<Message> messages);
    }

    /** Rows read from storage while they are walked. */
    @FunctionalInterface
    interface Rows<T> {
        void forEach(Consumer<? super T> each);
    }

    /** One owned chat; its messages are read while they are walked. */
    record ChatArchive(ChatView chat, Rows<Message> messages) {
    }
}
