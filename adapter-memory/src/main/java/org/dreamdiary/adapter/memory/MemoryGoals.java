package org.dreamdiary.adapter.memory;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.planning.GoalQuery;
import org.dreamdiary.application.planning.GoalView;
import org.dreamdiary.application.port.out.planning.Goals;
import org.dreamdiary.application.port.out.planning.Tasks.TaskCounts;
import org.dreamdiary.domain.error.StaleVersionException;
import org.dreamdiary.domain.planning.DreamId;
import org.dreamdiary.domain.planning.Goal;
import org.dreamdiary.domain.planning.GoalId;
import org.dreamdiary.domain.planning.Progress;
import org.dreamdiary.domain.user.UserId;

/** Goals in memory, each read with the progress its tasks make at that moment. */
final class MemoryGoals implements Goals {
    private static final Comparator<Goal> NEWEST_FIRST = Comparator.comparing(Goal::createdAt)
            .thenComparing(goal -> goal.id().value(), Uuids.ORDER).reversed();

    private final MemoryTransactions transactions;
    private final Table<GoalId, Goal> goals;
    private final MemoryTasks tasks;
    private final Cascade<GoalId> deleted = new Cascade<>();

    MemoryGoals(MemoryTransactions transactions, MemoryTasks tasks) {
        this.transactions = transactions;
        this.goals = new Table<>(transactions);
        this.tasks = tasks;
    }

    /** Where the deletion of a goal goes on to its tasks and its links. */
    Cascade<GoalId> deleted() {
        return deleted;
    }

    @Override
    public void add(Goal goal) {
        transactions.atomically(() -> {
            if (goals.contains(goal.id())) {
                throw new IllegalStateException("goal " + goal.id() + " exists already");
            }
            goals.put(goal.id(), goal);
        });
    }

    /** The transaction that reads it holds the whole store until it ends, which is lock enough. */
    @Override
    public Optional<Goal> lock(UserId owner, GoalId id) {
        return transactions.atomically(() -> owned(owner, id));
    }

    @Override
    public Optional<GoalView> view(UserId owner, GoalId id) {
        return transactions.atomically(() -> owned(owner, id).map(this::view));
    }

    @Override
    public Page<GoalView> list(UserId owner, GoalQuery query, PageRequest page) {
        return transactions.atomically(() -> Pages.of(goals.rows().stream()
                .filter(goal -> goal.owner().equals(owner))
                .filter(goal -> query.status().map(status -> goal.status() == status).orElse(true))
                .filter(goal -> query.dream().map(dream -> dream.equals(goal.dream())).orElse(true))
                .filter(goal -> query.dueBefore().map(day -> goal.dueDate() != null && goal.dueDate().isBefore(day))
                        .orElse(true))
                .sorted(NEWEST_FIRST), page, this::view));
    }

    @Override
    public void update(Goal changed) {
        transactions.atomically(() -> {
            Goal stored = owned(changed.owner(), changed.id()).orElse(null);
            if (stored == null || stored.version() != changed.version() - 1) {
                throw new StaleVersionException("the goal");
            }
            goals.put(changed.id(), changed);
        });
    }

    @Override
    public boolean delete(UserId owner, GoalId id, OptionalLong expectedVersion) {
        return transactions.atomically(() -> {
            Optional<Goal> stored = owned(owner, id)
                    .filter(goal -> VersionCondition.allows(expectedVersion, goal.version()));
            stored.ifPresent(goal -> remove(goal.id()));
            return stored.isPresent();
        });
    }

    @Override
    public Set<GoalId> existing(UserId owner, Collection<GoalId> ids) {
        return transactions.atomically(() -> ids.stream().filter(id -> owned(owner, id).isPresent())
                .collect(Collectors.toSet()));
    }

    /** The goals formed from {@code dream}, for what they make of it. */
    List<Goal> ofDream(DreamId dream) {
        return goals.rows().stream().filter(goal -> dream.equals(goal.dream())).toList();
    }

    /** The owner's goals formed from dreams, by dream. */
    Map<DreamId, List<Goal>> byDream(UserId owner) {
        return goals.rows().stream().filter(goal -> goal.owner().equals(owner) && goal.dream() != null)
                .collect(Collectors.groupingBy(Goal::dream));
    }

    /** What a deleted dream leaves its goals: living on without a dream, nothing else about them changed. */
    void forgetDream(DreamId dream) {
        for (Goal goal : ofDream(dream)) {
            goals.put(goal.id(), new Goal(goal.id(), goal.owner(), null, goal.name(), goal.description(), goal.dueDate(),
                    goal.status(), goal.createdAt(), goal.updatedAt(), goal.version()));
        }
    }

    /** What a deleted account takes with it: its goals, and what each of them takes. */
    void deleteOwnedBy(UserId owner) {
        goals.rows().stream().filter(goal -> goal.owner().equals(owner)).map(Goal::id).toList().forEach(this::remove);
    }

    private void remove(GoalId id) {
        goals.remove(id);
        deleted.deleted(id);
    }

    private Optional<Goal> owned(UserId owner, GoalId id) {
        return goals.get(id).filter(goal -> goal.owner().equals(owner));
    }

    private GoalView view(Goal goal) {
        TaskCounts counts = tasks.counts(goal.id());
        return new GoalView(goal, new Progress(counts.total() - counts.open(), counts.total()));
    }
}
