package org.dreamdiary.application.port.out.planning;

import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalLong;
import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.planning.AgendaQuery;
import org.dreamdiary.domain.planning.GoalId;
import org.dreamdiary.domain.planning.Task;
import org.dreamdiary.domain.planning.TaskId;
import org.dreamdiary.domain.user.UserId;

/** Storage of tasks; every read is scoped to the owner. Positions within a goal run 1..n without gaps. */
public interface Tasks {
    void add(Task task);

    Optional<Task> byId(UserId owner, TaskId id);

    Page<Task> ofGoal(UserId owner, GoalId goal, Optional<Boolean> done, PageRequest page);

    /** The owner's tasks across goals, by due date (none last) then position. */
    Page<Task> agenda(UserId owner, AgendaQuery query, LocalDate today, PageRequest page);

    /**
     * Stores the task; when its position changed, the goal's other tasks move up or down to make room.
     *
     * @throws org.dreamdiary.domain.error.StaleVersionException when it changed since {@code changed.version() - 1}
     */
    void update(Task changed, int previousPosition);

    /**
     * Deletes the task and closes the gap it leaves in the positions.
     * Only at {@code expectedVersion} when one is given (empty: at any version); false when nothing was deleted.
     */
    boolean delete(Task task, OptionalLong expectedVersion);

    TaskCounts counts(GoalId goal);

    record TaskCounts(long total, long open) {
    }
}
