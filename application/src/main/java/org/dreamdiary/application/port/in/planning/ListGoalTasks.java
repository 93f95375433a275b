package org.dreamdiary.application.port.in.planning;

import java.util.Optional;
import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.planning.TaskView;
import org.dreamdiary.domain.planning.GoalId;
import org.dreamdiary.domain.user.UserId;

/** A goal's tasks in position order. */
public interface ListGoalTasks {
    Page<TaskView> tasks(UserId owner, GoalId goal, Optional<Boolean> done, PageRequest page);
}
