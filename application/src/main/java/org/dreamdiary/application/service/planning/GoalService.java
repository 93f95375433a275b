package org.dreamdiary.application.service.planning;

import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalLong;
import org.dreamdiary.application.change.ExpectedVersion;
import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.planning.GoalQuery;
import org.dreamdiary.application.port.in.planning.CreateGoal;
import org.dreamdiary.application.port.in.planning.DeleteGoal;
import org.dreamdiary.application.port.in.planning.FormGoal;
import org.dreamdiary.application.port.in.planning.GetGoal;
import org.dreamdiary.application.planning.GoalView;
import org.dreamdiary.application.port.in.planning.ListGoals;
import org.dreamdiary.application.port.in.planning.UpdateGoal;
import org.dreamdiary.application.port.out.Clock;
import org.dreamdiary.application.port.out.Ids;
import org.dreamdiary.application.port.out.Transactions;
import org.dreamdiary.application.port.out.planning.Dreams;
import org.dreamdiary.application.port.out.planning.Goals;
import org.dreamdiary.domain.error.NotFoundException;
import org.dreamdiary.domain.error.ValidationException;
import org.dreamdiary.domain.planning.Description;
import org.dreamdiary.domain.planning.Dream;
import org.dreamdiary.domain.planning.DreamId;
import org.dreamdiary.domain.planning.Goal;
import org.dreamdiary.domain.planning.GoalId;
import org.dreamdiary.domain.planning.Name;
import org.dreamdiary.domain.user.UserId;

/** The goal use cases; each runs as one transaction. */
public final class GoalService implements FormGoal, CreateGoal, GetGoal, ListGoals, UpdateGoal, DeleteGoal {
    private final Goals goals;
    private final Dreams dreams;
    private final Transactions transactions;
    private final Clock clock;
    private final Ids ids;

    public GoalService(Goals goals, Dreams dreams, Transactions transactions, Clock clock, Ids ids) {
        this.goals = goals;
        this.dreams = dreams;
        this.transactions = transactions;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public GoalView formGoal(UserId owner, DreamId dreamId, Optional<Name> name, Optional<Description> description,
                             Optional<LocalDate> dueDate) {
        return transactions.inTransaction(() -> {
            Dream dream = dreams.byId(owner, dreamId).orElseThrow(() -> new NotFoundException("dream"));
            return add(Goal.create(new GoalId(ids.next()), owner, dream.id(), name.orElse(dream.name()),
                    description.orElse(null), dueDate.orElse(null), clock.now()));
        });
    }

    @Override
    public GoalView create(UserId owner, NewGoal goal) {
        return transactions.inTransaction(() -> {
            requireOwnDream(owner, goal.dream());
            return add(Goal.create(new GoalId(ids.next()), owner, goal.dream(), goal.name(), goal.description(),
                    goal.dueDate(), clock.now()));
        });
    }

    @Override
    public GoalView goal(UserId owner, GoalId id) {
        return goals.view(owner, id).orElseThrow(() -> new NotFoundException("goal"));
    }

    @Override
    public Page<GoalView> list(UserId owner, GoalQuery query, PageRequest page) {
        return goals.list(owner, query, page);
    }

    @Override
    public GoalView update(UserId owner, GoalId id, GoalChanges changes, ExpectedVersion expected) {
        return transactions.inTransaction(() -> {
            // the update requires the version just checked
            Goal current = expected.checked(goals.lock(owner, id), Goal::version, "goal");
            DreamId dream = changes.dream().orElse(current.dream());
            if (changes.dream().isPresent()) {
                requireOwnDream(owner, dream);
            }
            goals.update(current.edit(dream, changes.name().orElse(current.name()),
                    changes.description().orElse(current.description()), changes.dueDate().orElse(current.dueDate()),
                    changes.status().orElse(current.status()), clock.now()));
            return goal(owner, id);
        });
    }

    @Override
    public void delete(UserId owner, GoalId id, ExpectedVersion expected) {
        transactions.inTransaction(() -> {
            // the expected version goes into the delete itself: the goal is read only when it deletes nothing
            OptionalLong version = expected.versionToFind(() -> goals.lock(owner, id), Goal::version, "goal");
            if (!goals.delete(owner, id, version)) {
                throw expected.missed(goals.lock(owner, id), "goal");
            }
            return null;
        });
    }

    private GoalView add(Goal goal) {
        goals.add(goal);
        return goal(goal.owner(), goal.id());
    }

    /** A dream id in a request body that names no dream of the caller is a 422 on {@code dream_id}. */
    private void requireOwnDream(UserId owner, DreamId dream) {
        if (dream != null && dreams.byId(owner, dream).isEmpty()) {
            throw ValidationException.of("dream_id", "names no dream of yours");
        }
    }
}
