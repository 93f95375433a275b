package org.dreamdiary.application.port.in;

import java.time.Instant;
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

    record AccountExport(Instant exportedAt, User profile, List<DreamView> dreams, List<GoalView> goals, List<Task> tasks,
                         List<DiaryEntry> diary) {
    }
}
