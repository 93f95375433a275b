package org.dreamdiary.application.port.in.planning;

import org.dreamdiary.application.planning.GoalView;
import java.time.LocalDate;
import java.util.Optional;
import org.dreamdiary.domain.planning.Description;
import org.dreamdiary.domain.planning.DreamId;
import org.dreamdiary.domain.planning.Name;
import org.dreamdiary.domain.user.UserId;

/** Forms a goal from a dream; the goal takes the dream's name unless given one. */
public interface FormGoal {
    GoalView formGoal(UserId owner, DreamId dream, Optional<Name> name, Optional<Description> description,
                      Optional<LocalDate> dueDate);
}
