package org.dreamdiary.application.port.in.planning;

import org.dreamdiary.application.planning.GoalView;
import org.dreamdiary.domain.planning.GoalId;
import org.dreamdiary.domain.user.UserId;

public interface GetGoal {
    GoalView goal(UserId owner, GoalId id);
}
