package org.dreamdiary.application.service;

import org.dreamdiary.application.change.Precondition;
import org.dreamdiary.application.chat.ChatOverview;
import org.dreamdiary.application.planning.DreamView;
import org.dreamdiary.application.planning.GoalView;
import org.dreamdiary.application.planning.TaskView;
import org.dreamdiary.domain.chat.Message;
import org.dreamdiary.domain.diary.DiaryEntry;
import org.dreamdiary.domain.user.User;

/** The precondition of a client that read a resource at a version (over HTTP: its If-Match with that ETag). */
public final class VersionPreconditions {
    private VersionPreconditions() {
    }

    public static Precondition<DreamView> dreamAt(long version) {
        return Precondition.requiring(view -> view.dream().version() == version);
    }

    public static Precondition<GoalView> goalAt(long version) {
        return Precondition.requiring(view -> view.goal().version() == version);
    }

    public static Precondition<TaskView> taskAt(long version) {
        return Precondition.requiring(view -> view.task().version() == version);
    }

    public static Precondition<DiaryEntry> entryAt(long version) {
        return Precondition.requiring(entry -> entry.version() == version);
    }

    public static Precondition<ChatOverview> chatAt(long version) {
        return Precondition.requiring(overview -> overview.chat().chat().version() == version);
    }

    public static Precondition<Message> messageAt(long version) {
        return Precondition.requiring(message -> message.version() == version);
    }

    public static Precondition<User> profileAt(long version) {
        return Precondition.requiring(user -> user.version() == version);
    }
}
