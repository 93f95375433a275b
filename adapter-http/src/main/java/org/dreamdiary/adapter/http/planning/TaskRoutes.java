package org.dreamdiary.adapter.http.planning;

import static org.dreamdiary.adapter.http.json.FieldTypes.attachmentIds;
import static org.dreamdiary.adapter.http.json.FieldTypes.bool;
import static org.dreamdiary.adapter.http.json.FieldTypes.date;
import static org.dreamdiary.adapter.http.json.FieldTypes.integer;
import static org.dreamdiary.adapter.http.json.FieldTypes.text;

import io.javalin.http.Context;
import java.util.List;
import org.dreamdiary.adapter.http.auth.Authentication;
import org.dreamdiary.adapter.http.conditional.Conditional;
import org.dreamdiary.adapter.http.json.FieldType;
import org.dreamdiary.adapter.http.json.JsonFields;
import org.dreamdiary.adapter.http.paging.Paging;
import org.dreamdiary.adapter.http.planning.PlanningResources.TaskResource;
import org.dreamdiary.adapter.http.request.JsonBody;
import org.dreamdiary.adapter.http.routing.PathIds;
import org.dreamdiary.adapter.http.routing.QueryParams;
import org.dreamdiary.adapter.http.routing.Respond;
import org.dreamdiary.adapter.http.routing.RouteGroup;
import org.dreamdiary.adapter.http.routing.Router;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.planning.AgendaQuery;
import org.dreamdiary.application.planning.TaskView;
import org.dreamdiary.application.port.in.planning.AddTask;
import org.dreamdiary.application.port.in.planning.DeleteTask;
import org.dreamdiary.application.port.in.planning.GetTask;
import org.dreamdiary.application.port.in.planning.ListAgenda;
import org.dreamdiary.application.port.in.planning.ListGoalTasks;
import org.dreamdiary.application.port.in.planning.UpdateTask;
import org.dreamdiary.domain.planning.GoalId;
import org.dreamdiary.domain.planning.Notes;
import org.dreamdiary.domain.planning.TaskId;
import org.dreamdiary.domain.planning.TaskText;
import org.dreamdiary.domain.user.UserId;

/** {@code /api/v1/goals/{id}/tasks} and {@code /api/v1/tasks}. */
public final class TaskRoutes implements RouteGroup {
    private static final FieldType<TaskText> TEXT = text(0, TaskText.MAX_LENGTH).then(TaskText::new);
    private static final FieldType<Notes> NOTES = text(0, Notes.MAX_LENGTH).then(Notes::new);

    private final AddTask addTask;
    private final ListGoalTasks listGoalTasks;
    private final ListAgenda listAgenda;
    private final GetTask getTask;
    private final UpdateTask updateTask;
    private final DeleteTask deleteTask;
    private final Authentication authentication;

    public TaskRoutes(AddTask addTask, ListGoalTasks listGoalTasks, ListAgenda listAgenda, GetTask getTask,
                      UpdateTask updateTask, DeleteTask deleteTask, Authentication authentication) {
        this.addTask = addTask;
        this.listGoalTasks = listGoalTasks;
        this.listAgenda = listAgenda;
        this.getTask = getTask;
        this.updateTask = updateTask;
        this.deleteTask = deleteTask;
        this.authentication = authentication;
    }

    @Override
    public void register(Router router) {
        router.post("/api/v1/goals/{id}/tasks", this::add);
        router.get("/api/v1/goals/{id}/tasks", this::ofGoal);
        router.get("/api/v1/tasks", this::agenda);
        router.get("/api/v1/tasks/{id}", this::task);
        router.patch("/api/v1/tasks/{id}", this::update);
        router.delete("/api/v1/tasks/{id}", this::delete);
    }

    private void add(Context ctx) {
        UserId owner = owner(ctx);
        GoalId goal = PathIds.goal(ctx);
        JsonFields in = JsonBody.fields(ctx);
        var task = new AddTask.NewTask(in.required("text", TEXT), in.optional("notes", NOTES).orElse(null),
                in.optional("due_date", date()).orElse(null), in.optional("attachment_ids", attachmentIds()).orElse(List.of()));
        in.validate();
        TaskResource created = TaskResource.of(addTask.add(owner, goal, task));
        Respond.created(ctx, created.links().self(), created);
    }

    private void ofGoal(Context ctx) {
        UserId owner = owner(ctx);
        GoalId goal = PathIds.goal(ctx);
        QueryParams query = new QueryParams(ctx);
        PageRequest page = Paging.request(query);
        var done = query.bool("done");
        query.validate();
        Paging.respond(ctx, listGoalTasks.tasks(owner, goal, done, page), TaskResource::of);
    }

    private void agenda(Context ctx) {
        UserId owner = owner(ctx);
        QueryParams query = new QueryParams(ctx);
        PageRequest page = Paging.request(query);
        var filter = new AgendaQuery(query.bool("done"), query.date("due_before"), query.bool("overdue"));
        query.validate();
        Paging.respond(ctx, listAgenda.agenda(owner, filter, page), TaskResource::of);
    }

    private void update(Context ctx) {
        UserId owner = owner(ctx);
        TaskId id = PathIds.task(ctx);
        JsonFields in = JsonBody.fields(ctx);
        var changes = new UpdateTask.TaskChanges(in.settable("text", TEXT), in.clearable("notes", NOTES),
                in.clearable("due_date", date()), in.settable("done", bool()), in.settable("position", integer(1, Integer.MAX_VALUE)),
                in.settable("attachment_ids", attachmentIds()));
        in.validate();
        TaskView updated = updateTask.update(owner, id, changes, Conditional.ifMatch(ctx));
        Conditional.respondChanged(ctx, updated.task().version(), TaskResource.of(updated));
    }

    private void task(Context ctx) {
        TaskView task = getTask.task(owner(ctx), PathIds.task(ctx));
        Conditional.respond(ctx, task.task().version(), TaskResource.of(task));
    }

    private void delete(Context ctx) {
        deleteTask.delete(owner(ctx), PathIds.task(ctx), Conditional.ifMatch(ctx));
        Respond.noContent(ctx);
    }

    private UserId owner(Context ctx) {
        return authentication.require(ctx).user();
    }
}
