package org.dreamdiary.application.port.in.planning;

import org.dreamdiary.domain.planning.TaskId;
import org.dreamdiary.domain.user.UserId;

public interface DeleteTask {
    void delete(UserId owner, TaskId id);
}
