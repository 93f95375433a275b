package org.dreamdiary.application.port.in.planning;

import org.dreamdiary.application.change.Precondition;
import org.dreamdiary.application.planning.TaskView;
import org.dreamdiary.domain.planning.TaskId;
import org.dreamdiary.domain.user.UserId;

public interface DeleteTask {
    /** @throws org.dreamdiary.domain.error.StaleVersionException when the task does not meet {@code precondition} */
    void delete(UserId owner, TaskId id, Precondition<TaskView> precondition);
}
