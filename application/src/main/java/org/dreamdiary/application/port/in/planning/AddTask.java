package org.dreamdiary.application.port.in.planning;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.dreamdiary.application.planning.TaskView;
import org.dreamdiary.domain.planning.GoalId;
import org.dreamdiary.domain.planning.Notes;
import org.dreamdiary.domain.planning.TaskText;
import org.dreamdiary.domain.user.UserId;

/** Adds a task at the end of a goal; an achieved goal becomes active again. */
public interface AddTask {
    TaskView add(UserId owner, GoalId goal, NewTask task);

    /** {@code notes} and {@code dueDate} may be null. */
    record NewTask(TaskText text, Notes notes, LocalDate dueDate, List<UUID> attachmentIds) {
    }
}
