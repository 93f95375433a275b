package org.dreamdiary.application.port.in.planning;

import org.dreamdiary.application.change.ExpectedVersion;
import org.dreamdiary.domain.planning.GoalId;
import org.dreamdiary.domain.user.UserId;

/** Deletes a goal and its tasks. */
public interface DeleteGoal {
    /** @throws org.dreamdiary.domain.error.StaleVersionException when the goal is not at {@code expected} */
    void delete(UserId owner, GoalId id, ExpectedVersion expected);
}
