package org.dreamdiary.application.port.out.planning;

import java.util.Collection;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.planning.GoalView;
import org.dreamdiary.application.planning.GoalQuery;
import org.dreamdiary.domain.planning.Goal;
import org.dreamdiary.domain.planning.GoalId;
import org.dreamdiary.domain.user.UserId;

/** Storage of goals; every read is scoped to the owner. */
public interface Goals {
    void add(Goal goal);

    /**
     * The goal, locked until the transaction ends, so that changes to its tasks and to its status happen one
     * at a time.
     */
    Optional<Goal> lock(UserId owner, GoalId id);

    /** The goal with its progress. */
    Optional<GoalView> view(UserId owner, GoalId id);

    Page<GoalView> list(UserId owner, GoalQuery query, PageRequest page);

    /** @throws org.dreamdiary.domain.error.StaleVersionException when it changed since {@code changed.version() - 1} */
    void update(Goal changed);

    /**
     * Its tasks go with it.
     * Only at {@code expectedVersion} when one is given (empty: at any version); false when nothing was deleted.
     */
    boolean delete(UserId owner, GoalId id, OptionalLong expectedVersion);

    /** Which of {@code ids} are goals of this owner. */
    Set<GoalId> existing(UserId owner, Collection<GoalId> ids);
}
