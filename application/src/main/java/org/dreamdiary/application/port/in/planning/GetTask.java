package org.dreamdiary.application.port.in.planning;

import org.dreamdiary.application.planning.TaskView;
import org.dreamdiary.domain.planning.TaskId;
import org.dreamdiary.domain.user.UserId;

public interface GetTask {
    TaskView task(UserId owner, TaskId id);
}
