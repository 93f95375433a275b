package org.dreamdiary.application.port.in.planning;

import org.dreamdiary.application.change.ExpectedVersion;
import org.dreamdiary.domain.planning.TaskId;
import org.dreamdiary.domain.user.UserId;

public interface DeleteTask {
    /** @throws org.dreamdiary.domain.error.StaleVersionException when the task is not at {@code expected} */
    void delete(UserId owner, TaskId id, ExpectedVersion expected);
}
