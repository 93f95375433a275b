package org.dreamdiary.application.port.in.planning;

import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.planning.GoalQuery;
import org.dreamdiary.application.planning.GoalView;
import org.dreamdiary.domain.user.UserId;

public interface ListGoals {
    /** Newest first, ties by id. */
    Page<GoalView> list(UserId owner, GoalQuery query, PageRequest page);

}
