package org.dreamdiary.application.port.in.planning;

import org.dreamdiary.application.change.Precondition;
import org.dreamdiary.application.planning.GoalView;
import org.dreamdiary.domain.planning.GoalId;
import org.dreamdiary.domain.user.UserId;

/** Deletes a goal and its tasks. */
public interface DeleteGoal {
    /** @throws org.dreamdiary.domain.error.StaleVersionException when the goal does not meet {@code precondition} */
    void delete(UserId owner, GoalId id, Precondition<GoalView> precondition);
}
