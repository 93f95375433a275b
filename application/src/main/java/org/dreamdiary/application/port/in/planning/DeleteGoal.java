package org.dreamdiary.application.port.in.planning;

import org.dreamdiary.domain.planning.GoalId;
import org.dreamdiary.domain.user.UserId;

/** Deletes a goal and its tasks. */
public interface DeleteGoal {
    void delete(UserId owner, GoalId id);
}
