package org.dreamdiary.application.port.out;

import java.time.LocalDate;
import java.util.function.Consumer;
import org.dreamdiary.application.chat.ChatView;
import org.dreamdiary.application.planning.DreamView;
import org.dreamdiary.application.planning.GoalView;
import org.dreamdiary.domain.attachment.Attachment;
import org.dreamdiary.domain.chat.ChatId;
import org.dreamdiary.domain.chat.Message;
import org.dreamdiary.domain.diary.DiaryEntry;
import org.dreamdiary.domain.planning.Task;
import org.dreamdiary.domain.user.UserId;

/**
 * Everything one account holds, handed over row by row as it is read, never gathered into a list: an export takes
 * the same memory whatever the account's size. Each call is one statement, in the order the routes list the same
 * things. Call inside {@link Transactions#inSnapshot}, so that the calls agree with each other.
 */
public interface AccountRecords {
    /** Oldest first. */
    void dreams(UserId owner, Consumer<DreamView> each);

    /** Newest first. */
    void goals(UserId owner, Consumer<GoalView> each);

    /** In agenda order: by due date (none last), then position. */
    void tasks(UserId owner, Consumer<Task> each);

    /** Newest entry date first. */
    void diary(UserId owner, Consumer<DiaryEntry> each);

    /** The metadata of every attachment, newest first. */
    void attachments(UserId owner, Consumer<Attachment> each);

    /** The chats the owner owns, most recent activity first. */
    void ownedChats(UserId owner, Consumer<ChatView> each);

    /** Every message of one of the owner's chats, oldest first. */
    void messagesOf(UserId owner, ChatId chat, Consumer<Message> each);

    /** Every message the author wrote, in any chat, oldest first. */
    void messagesBy(UserId author, Consumer<Message> each);
}
