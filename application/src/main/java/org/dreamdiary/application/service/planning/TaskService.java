package org.dreamdiary.application.service.planning;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.dreamdiary.application.change.ExpectedVersion;
import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.planning.AgendaQuery;
import org.dreamdiary.application.planning.TaskView;
import org.dreamdiary.application.port.in.planning.AddTask;
import org.dreamdiary.application.port.in.planning.DeleteTask;
import org.dreamdiary.application.port.in.planning.GetTask;
import org.dreamdiary.application.port.in.planning.ListAgenda;
import org.dreamdiary.application.port.in.planning.ListGoalTasks;
import org.dreamdiary.application.port.in.planning.UpdateTask;
import org.dreamdiary.application.port.out.Clock;
import org.dreamdiary.application.port.out.Ids;
import org.dreamdiary.application.port.out.Transactions;
import org.dreamdiary.application.service.AttachmentReferences;
import org.dreamdiary.application.port.out.planning.Goals;
import org.dreamdiary.application.port.out.planning.Tasks;
import org.dreamdiary.application.port.out.planning.Tasks.TaskCounts;
import org.dreamdiary.domain.attachment.Attachment;
import org.dreamdiary.domain.error.NotFoundException;
import org.dreamdiary.domain.error.ValidationException;
import org.dreamdiary.domain.planning.Goal;
import org.dreamdiary.domain.planning.GoalId;
import org.dreamdiary.domain.planning.Task;
import org.dreamdiary.domain.planning.TaskChange;
import org.dreamdiary.domain.planning.TaskId;
import org.dreamdiary.domain.user.UserId;

/**
 * The task use cases. A change to a goal's tasks locks the goal first, so the status rule (last task done →
 * achieved) sees the tasks as they are and is applied in the same transaction.
 */
public final class TaskService implements AddTask, ListGoalTasks, ListAgenda, GetTask, UpdateTask, DeleteTask {
    private final Tasks tasks;
    private final Goals goals;
    private final AttachmentReferences attachments;
    private final Transactions transactions;
    private final Clock clock;
    private final Ids ids;

    public TaskService(Tasks tasks, Goals goals, AttachmentReferences attachments, Transactions transactions, Clock clock,
                       Ids ids) {
        this.tasks = tasks;
        this.goals = goals;
        this.attachments = attachments;
        this.transactions = transactions;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public TaskView add(UserId owner, GoalId goalId, NewTask task) {
        return transactions.inTransaction(() -> {
            Goal goal = goals.lock(owner, goalId).orElseThrow(() -> new NotFoundException("goal"));
            List<Attachment> held = attachments.resolve(owner, task.attachmentIds(), AttachmentReferences.ATTACHMENT_IDS);
            TaskCounts before = tasks.counts(goalId);
            Task added = Task.create(new TaskId(ids.next()), owner, goalId, task.text(), task.notes(), task.dueDate(),
                    (int) before.total() + 1, held, clock.now());
            tasks.add(added);
            followTasks(goal, TaskChange.ADDED, before.open() + 1);
            return view(added);
        });
    }

    @Override
    public Page<TaskView> tasks(UserId owner, GoalId goal, Optional<Boolean> done, PageRequest page) {
        LocalDate today = clock.today();
        return transactions.inTransaction(() -> {
            goals.view(owner, goal).orElseThrow(() -> new NotFoundException("goal"));
            return tasks.ofGoal(owner, goal, done, page).map(task -> TaskView.of(task, today));
        });
    }

    @Override
    public Page<TaskView> agenda(UserId owner, AgendaQuery query, PageRequest page) {
        // one day for the filter and the flags alike, so that ?overdue=true lists only tasks shown overdue
        LocalDate today = clock.today();
        return tasks.agenda(owner, query, today, page).map(task -> TaskView.of(task, today));
    }

    @Override
    public TaskView task(UserId owner, TaskId id) {
        return view(tasks.byId(owner, id).orElseThrow(() -> new NotFoundException("task")));
    }

    @Override
    public TaskView update(UserId owner, TaskId id, TaskChanges changes, ExpectedVersion expected) {
        return transactions.inTransaction(() -> {
            Goal goal = lockGoalOf(owner, id, expected);
            // Read again under the goal's lock: what was read before it may have moved meanwhile.
            Task current = expected.checked(tasks.byId(owner, id), Task::version, "task");
            TaskCounts counts = tasks.counts(current.goal());
            int position = changes.position().orElse(current.position());
            if (position < 1 || position > counts.total()) {
                throw ValidationException.of("position", "must be 1 to " + counts.total());
            }
            List<Attachment> held = attachments.afterChange(owner, changes.attachmentIds(), current.attachments());
            Task changed = current.edit(changes.text().orElse(current.text()), changes.notes().orElse(current.notes()),
                    changes.dueDate().orElse(current.dueDate()), changes.done().orElse(current.done()), position, held,
                    clock.now());
            tasks.update(changed, current.position());
            Optional<TaskChange> change = Task.changeBetween(current, changed);
            if (change.isPresent()) {
                long openAfter = counts.open() + (change.get() == TaskChange.COMPLETED ? -1 : 1);
                followTasks(goal, change.get(), openAfter);
            }
            return view(changed);
        });
    }

    @Override
    public void delete(UserId owner, TaskId id, ExpectedVersion expected) {
        transactions.inTransaction(() -> {
            // read all the same: the goal is locked first, and the task's place in it is closed
            lockGoalOf(owner, id, expected);
            Task current = expected.checked(tasks.byId(owner, id), Task::version, "task");
            if (!tasks.delete(current, expected.versionToFind(current.version()))) {
                throw expected.missed(tasks.byId(owner, id), "task");
            }
            return null;
        });
    }

    /** Locks the goal of the task, so that its tasks change one transaction at a time. */
    private Goal lockGoalOf(UserId owner, TaskId id, ExpectedVersion expected) {
        Task task = tasks.byId(owner, id).orElseThrow(() -> expected.gone("task"));
        return goals.lock(owner, task.goal()).orElseThrow(() -> expected.gone("task"));
    }

    private void followTasks(Goal goal, TaskChange change, long openAfter) {
        Goal next = goal.afterTaskChange(change, openAfter, clock.now());
        if (next != goal) {
            goals.update(next);
        }
    }

    private TaskView view(Task task) {
        return TaskView.of(task, clock.today());
    }
}
