package org.dreamdiary.application.port.in.planning;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.dreamdiary.application.change.Change;
import org.dreamdiary.application.change.ExpectedVersion;
import org.dreamdiary.application.planning.TaskView;
import org.dreamdiary.domain.planning.Notes;
import org.dreamdiary.domain.planning.TaskId;
import org.dreamdiary.domain.planning.TaskText;
import org.dreamdiary.domain.user.UserId;

/** Edits a task; completing or reopening it moves its goal's status in the same transaction. */
public interface UpdateTask {
    /** @throws org.dreamdiary.domain.error.StaleVersionException when the task is not at {@code expected} */
    TaskView update(UserId owner, TaskId id, TaskChanges changes, ExpectedVersion expected);

    record TaskChanges(Change<TaskText> text, Change<Notes> notes, Change<LocalDate> dueDate, Change<Boolean> done,
                       Change<Integer> position, Change<List<UUID>> attachmentIds) {
    }
}
