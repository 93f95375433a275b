package org.dreamdiary.application.port.in.planning;

import org.dreamdiary.application.planning.GoalView;
import java.time.LocalDate;
import org.dreamdiary.domain.planning.Description;
import org.dreamdiary.domain.planning.DreamId;
import org.dreamdiary.domain.planning.Name;
import org.dreamdiary.domain.user.UserId;

public interface CreateGoal {
    /** @throws org.dreamdiary.domain.error.ValidationException on {@code dream_id} when it names no dream of the owner */
    GoalView create(UserId owner, NewGoal goal);

    /** {@code description}, {@code dueDate} and {@code dream} may be null. */
    record NewGoal(Name name, Description description, LocalDate dueDate, DreamId dream) {
    }
}
