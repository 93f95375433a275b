package org.dreamdiary.client.api;

import java.util.UUID;
import java.util.stream.Stream;
import org.dreamdiary.client.call.Call;
import org.dreamdiary.client.internal.Body;
import org.dreamdiary.client.internal.Paths;
import org.dreamdiary.client.internal.Request;
import org.dreamdiary.client.internal.Transport;
import org.dreamdiary.client.model.AgendaQuery;
import org.dreamdiary.client.model.NewTask;
import org.dreamdiary.client.model.Page;
import org.dreamdiary.client.model.Task;
import org.dreamdiary.client.model.TaskChanges;
import org.dreamdiary.client.model.TaskQuery;

/**
 * Tasks: the steps of a goal, listed per goal or across all goals as the user's agenda. Doing, reopening and adding
 * tasks moves their goal's progress and status.
 */
public final class TasksApi {
    private static final String GOALS = Paths.API + "/goals";
    private static final String TASKS = Paths.API + "/tasks";
    private static final Body<Task> TASK = Body.json(Task.class);

    private final Transport transport;
    private final Resources<Task> tasks;

    public TasksApi(Transport transport) {
        this.transport = transport;
        this.tasks = new Resources<>(transport, TASKS, Task.class);
    }

    /** Adds a task at the end of one of the user's goals; an achieved goal becomes active again. */
    @OperationId("addTask")
    public Call<Task> add(UUID goalId, NewTask task) {
        return transport.call(Request.post(ofGoal(goalId), task), TASK);
    }

    /** One page of the goal's tasks the query selects, in position order. */
    @OperationId("listGoalTasks")
    public Call<Page<Task>> listOfGoal(UUID goalId, TaskQuery query) {
        return tasks.page(listingOfGoal(goalId, query));
    }

    /** Every task of the goal the query selects, from its page on, fetched a page at a time as the stream is read. */
    @OperationId("listGoalTasks")
    public Stream<Task> allOfGoal(UUID goalId, TaskQuery query) {
        return tasks.all(listingOfGoal(goalId, query));
    }

    /** One page of the user's agenda: the tasks of all their goals the query selects, by due date then position. */
    @OperationId("listAgenda")
    public Call<Page<Task>> list(AgendaQuery query) {
        return tasks.page(agenda(query));
    }

    /** Every task of the agenda the query selects, from its page on, fetched a page at a time as the stream is read. */
    @OperationId("listAgenda")
    public Stream<Task> all(AgendaQuery query) {
        return tasks.all(agenda(query));
    }

    @OperationId("getTask")
    public Call<Task> get(UUID id) {
        return tasks.get(id);
    }

    /** Changes the task, provided it is still as this client last read or wrote it ({@code If-Match}). */
    @OperationId("updateTask")
    public Call<Task> update(UUID id, TaskChanges changes) {
        return tasks.update(id, changes);
    }

    /** Deletes the task, provided it is still as this client last saw it. */
    @OperationId("deleteTask")
    public Call<Void> delete(UUID id) {
        return tasks.delete(id);
    }

    private static String ofGoal(UUID goalId) {
        return Paths.of(GOALS, goalId, "tasks");
    }

    private static Request listingOfGoal(UUID goalId, TaskQuery query) {
        return Paths.paged(Request.get(ofGoal(goalId)).query("done", query.done()), query.page());
    }

    private static Request agenda(AgendaQuery query) {
        return Paths.paged(Request.get(TASKS)
                .query("done", query.done())
                .query("due_before", query.dueBefore())
                .query("overdue", query.overdue()), query.page());
    }
}
