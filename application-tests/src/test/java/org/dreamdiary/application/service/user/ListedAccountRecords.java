package org.dreamdiary.application.service.user;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.dreamdiary.application.chat.ChatView;
import org.dreamdiary.application.planning.DreamView;
import org.dreamdiary.application.planning.GoalView;
import org.dreamdiary.application.port.out.AccountRecords;
import org.dreamdiary.domain.attachment.Attachment;
import org.dreamdiary.domain.chat.ChatId;
import org.dreamdiary.domain.chat.Message;
import org.dreamdiary.domain.diary.DiaryEntry;
import org.dreamdiary.domain.planning.Task;
import org.dreamdiary.domain.user.UserId;

/** What the export reads of an account: the tasks a test lists here, by owner; the accounts hold nothing else. */
final class ListedAccountRecords implements AccountRecords {
    final List<Task> tasks = new CopyOnWriteArrayList<>();

    @Override
    public void tasks(UserId owner, Consumer<Task> each) {
        tasks.stream().filter(task -> task.owner().equals(owner)).forEach(each);
    }

    @Override
    public void dreams(UserId owner, Consumer<DreamView> each) {
    }

    @Override
    public void goals(UserId owner, Consumer<GoalView> each) {
    }

    @Override
    public void diary(UserId owner, Consumer<DiaryEntry> each) {
    }

    @Override
    public void attachments(UserId owner, Consumer<Attachment> each) {
    }

    @Override
    public void ownedChats(UserId owner, Consumer<ChatView> each) {
    }

    @Override
    public void messagesOf(UserId owner, ChatId chat, Consumer<Message> each) {
    }

    @Override
    public void messagesBy(UserId owner, Consumer<Message> each) {
    }
}
