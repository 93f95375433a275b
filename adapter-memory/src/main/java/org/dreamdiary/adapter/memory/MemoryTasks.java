package org.dreamdiary.adapter.memory;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Predicate;
import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.planning.AgendaQuery;
import org.dreamdiary.application.port.out.planning.Tasks;
import org.dreamdiary.domain.attachment.AttachmentId;
import org.dreamdiary.domain.error.StaleVersionException;
import org.dreamdiary.domain.planning.GoalId;
import org.dreamdiary.domain.planning.Task;
import org.dreamdiary.domain.planning.TaskId;
import org.dreamdiary.domain.user.UserId;

/**
 * Tasks in memory, kept at positions 1..n within their goal: a move shifts the tasks in between, a deletion closes
 * the gap, and a task shifted so keeps its version, as a task whose row only had its position changed would.
 */
final class MemoryTasks implements Tasks {
    private static final Comparator<Task> BY_ID = Comparator.comparing(task -> task.id().value(), Uuids.ORDER);
    private static final Comparator<Task> IN_GOAL_ORDER = Comparator.comparingInt(Task::position).thenComparing(BY_ID);
    private static final Comparator<Task> AGENDA_ORDER = Comparator
            .comparing(Task::dueDate, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(IN_GOAL_ORDER);

    private final MemoryTransactions transactions;
    private final Table<TaskId, Task> tasks;

    MemoryTasks(MemoryTransactions transactions) {
        this.transactions = transactions;
        this.tasks = new Table<>(transactions);
    }

    @Override
    public void add(Task task) {
        transactions.atomically(() -> {
            if (tasks.contains(task.id())) {
                throw new IllegalStateException("task " + task.id() + " exists already");
            }
            tasks.put(task.id(), task);
        });
    }

    @Override
    public Optional<Task> byId(UserId owner, TaskId id) {
        return transactions.atomically(() -> owned(owner, id));
    }

    @Override
    public Page<Task> ofGoal(UserId owner, GoalId goal, Optional<Boolean> done, PageRequest page) {
        return transactions.atomically(() -> Pages.of(tasks.rows().stream()
                .filter(task -> task.owner().equals(owner) && task.goal().equals(goal))
                .filter(task -> done.map(wanted -> task.done() == wanted).orElse(true))
                .sorted(IN_GOAL_ORDER), page));
    }

    @Override
    public Page<Task> agenda(UserId owner, AgendaQuery query, LocalDate today, PageRequest page) {
        Predicate<Task> wanted = task -> task.owner().equals(owner)
                && query.done().map(done -> task.done() == done).orElse(true)
                && query.dueBefore().map(day -> task.dueDate() != null && task.dueDate().isBefore(day)).orElse(true)
                && query.overdue().map(overdue -> task.overdue(today) == overdue).orElse(true);
        return transactions.atomically(() -> Pages.of(tasks.rows().stream().filter(wanted).sorted(AGENDA_ORDER), page));
    }

    @Override
    public void update(Task changed, int previousPosition) {
        transactions.atomically(() -> {
            Task stored = owned(changed.owner(), changed.id()).orElse(null);
            if (stored == null || stored.version() != changed.version() - 1) {
                throw new StaleVersionException("the task");
            }
            makeRoom(changed, previousPosition);
            tasks.put(changed.id(), changed);
        });
    }

    @Override
    public boolean delete(Task task, OptionalLong expectedVersion) {
        return transactions.atomically(() -> {
            Optional<Task> stored = owned(task.owner(), task.id())
                    .filter(found -> VersionCondition.allows(expectedVersion, found.version()));
            stored.ifPresent(deleted -> {
                tasks.remove(deleted.id());
                for (Task other : tasksOf(task.goal())) {
                    if (other.owner().equals(task.owner()) && other.position() > deleted.position()) {
                        tasks.put(other.id(), at(other, other.position() - 1));
                    }
                }
            });
            return stored.isPresent();
        });
    }

    @Override
    public TaskCounts counts(GoalId goal) {
        return transactions.atomically(() -> {
            List<Task> ofGoal = tasksOf(goal);
            return new TaskCounts(ofGoal.size(), ofGoal.stream().filter(task -> !task.done()).count());
        });
    }

    /** What a deleted goal takes with it: its tasks. */
    void deleteOfGoal(GoalId goal) {
        tasksOf(goal).forEach(task -> tasks.remove(task.id()));
    }

    /** What a deleted account takes with it: its tasks. */
    void deleteOwnedBy(UserId owner) {
        tasks.rows().stream().filter(task -> task.owner().equals(owner)).map(Task::id).toList().forEach(tasks::remove);
    }

    /** What a deleted attachment takes with it: its place in every task holding it, each of which gets a new version. */
    void detach(AttachmentId attachment) {
        for (Task task : List.copyOf(tasks.rows())) {
            Held.without(task.attachments(), attachment).ifPresent(kept -> tasks.put(task.id(), new Task(task.id(),
                    task.owner(), task.goal(), task.text(), task.notes(), task.dueDate(), task.done(), task.completedAt(),
                    task.position(), kept, task.createdAt(), task.updatedAt(), task.version() + 1)));
        }
    }

    /** Moves the tasks between the changed task's old and new position one step the other way. */
    private void makeRoom(Task changed, int previousPosition) {
        int target = changed.position();
        for (Task other : tasksOf(changed.goal())) {
            int at = other.position();
            if (target < previousPosition && at >= target && at < previousPosition) {
                tasks.put(other.id(), at(other, at + 1));
            } else if (target > previousPosition && at > previousPosition && at <= target) {
                tasks.put(other.id(), at(other, at - 1));
            }
        }
    }

    private Optional<Task> owned(UserId owner, TaskId id) {
        return tasks.get(id).filter(task -> task.owner().equals(owner));
    }

    /** The goal's tasks, a copy that the caller may write through. */
    private List<Task> tasksOf(GoalId goal) {
        return tasks.rows().stream().filter(task -> task.goal().equals(goal)).toList();
    }

    /** A task moved to make room: only its position changes. */
    private static Task at(Task task, int position) {
        return new Task(task.id(), task.owner(), task.goal(), task.text(), task.notes(), task.dueDate(), task.done(),
                task.completedAt(), position, task.attachments(), task.createdAt(), task.updatedAt(), task.version());
    }
}
