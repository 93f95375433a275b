package org.dreamdiary.application.port.in.planning;

import org.dreamdiary.application.change.ExpectedVersion;
import org.dreamdiary.application.planning.GoalView;
import java.time.LocalDate;
import org.dreamdiary.application.change.Change;
import org.dreamdiary.domain.planning.Description;
import org.dreamdiary.domain.planning.DreamId;
import org.dreamdiary.domain.planning.GoalId;
import org.dreamdiary.domain.planning.GoalStatus;
import org.dreamdiary.domain.planning.Name;
import org.dreamdiary.domain.user.UserId;

public interface UpdateGoal {
    /** @throws org.dreamdiary.domain.error.StaleVersionException when the goal is not at {@code expected} */
    GoalView update(UserId owner, GoalId id, GoalChanges changes, ExpectedVersion expected);

    record GoalChanges(Change<Name> name, Change<Description> description, Change<LocalDate> dueDate,
                       Change<GoalStatus> status, Change<DreamId> dream) {
    }
}
