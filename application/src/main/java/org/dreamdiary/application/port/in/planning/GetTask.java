package org.dreamdiary.application.port.in.planning;

import org.dreamdiary.domain.planning.Task;
import org.dreamdiary.domain.planning.TaskId;
import org.dreamdiary.domain.user.UserId;

public interface GetTask {
    Task task(UserId owner, TaskId id);
}
