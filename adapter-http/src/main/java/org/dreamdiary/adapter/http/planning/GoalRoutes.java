package org.dreamdiary.adapter.http.planning;

import static org.dreamdiary.adapter.http.json.FieldTypes.choice;
import static org.dreamdiary.adapter.http.json.FieldTypes.date;
import static org.dreamdiary.adapter.http.json.FieldTypes.uuid;
import static org.dreamdiary.adapter.http.planning.PlanningFields.DESCRIPTION;
import static org.dreamdiary.adapter.http.planning.PlanningFields.NAME;

import io.javalin.http.Context;
import java.util.Map;
import org.dreamdiary.adapter.http.auth.Authentication;
import org.dreamdiary.adapter.http.conditional.Conditional;
import org.dreamdiary.adapter.http.json.Choices;
import org.dreamdiary.adapter.http.json.FieldType;
import org.dreamdiary.adapter.http.json.JsonFields;
import org.dreamdiary.adapter.http.paging.Paging;
import org.dreamdiary.adapter.http.planning.PlanningResources.GoalResource;
import org.dreamdiary.adapter.http.request.JsonBody;
import org.dreamdiary.adapter.http.routing.PathIds;
import org.dreamdiary.adapter.http.routing.QueryParams;
import org.dreamdiary.adapter.http.routing.Respond;
import org.dreamdiary.adapter.http.routing.RouteGroup;
import org.dreamdiary.adapter.http.routing.Router;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.planning.GoalQuery;
import org.dreamdiary.application.planning.GoalView;
import org.dreamdiary.application.port.in.planning.CreateGoal;
import org.dreamdiary.application.port.in.planning.DeleteGoal;
import org.dreamdiary.application.port.in.planning.GetGoal;
import org.dreamdiary.application.port.in.planning.ListGoals;
import org.dreamdiary.application.port.in.planning.UpdateGoal;
import org.dreamdiary.domain.planning.DreamId;
import org.dreamdiary.domain.planning.GoalId;
import org.dreamdiary.domain.planning.GoalStatus;
import org.dreamdiary.domain.user.UserId;

/** {@code /api/v1/goals}. */
public final class GoalRoutes implements RouteGroup {
    private static final FieldType<DreamId> DREAM_ID = uuid().then(DreamId::new);
    private static final Map<String, GoalStatus> STATUSES = Choices.words(GoalStatus.values());

    private final CreateGoal createGoal;
    private final GetGoal getGoal;
    private final ListGoals listGoals;
    private final UpdateGoal updateGoal;
    private final DeleteGoal deleteGoal;
    private final Authentication authentication;

    public GoalRoutes(CreateGoal createGoal, GetGoal getGoal, ListGoals listGoals, UpdateGoal updateGoal, DeleteGoal deleteGoal,
                      Authentication authentication) {
        this.createGoal = createGoal;
        this.getGoal = getGoal;
        this.listGoals = listGoals;
        this.updateGoal = updateGoal;
        this.deleteGoal = deleteGoal;
        this.authentication = authentication;
    }

    @Override
    public void register(Router router) {
        router.post("/api/v1/goals", this::create);
        router.get("/api/v1/goals", this::page);
        router.get("/api/v1/goals/{id}", this::goal);
        router.patch("/api/v1/goals/{id}", this::update);
        router.delete("/api/v1/goals/{id}", this::delete);
    }

    private void create(Context ctx) {
        UserId owner = owner(ctx);
        JsonFields in = JsonBody.fields(ctx);
        var goal = new CreateGoal.NewGoal(in.required("name", NAME),
                in.optional("description", DESCRIPTION).orElse(null),
                in.optional("due_date", date()).orElse(null), in.optional("dream_id", DREAM_ID).orElse(null));
        in.validate();
        GoalResource created = GoalResource.of(createGoal.create(owner, goal));
        Respond.created(ctx, created.links().self(), created);
    }

    private void page(Context ctx) {
        UserId owner = owner(ctx);
        QueryParams query = new QueryParams(ctx);
        PageRequest page = Paging.request(query);
        var filter = new GoalQuery(query.choice("status", STATUSES),
                query.uuid("dream_id").map(DreamId::new), query.date("due_before"));
        query.validate();
        Paging.respond(ctx, listGoals.list(owner, filter, page), GoalResource::of);
    }

    private void update(Context ctx) {
        UserId owner = owner(ctx);
        GoalId id = PathIds.goal(ctx);
        JsonFields in = JsonBody.fields(ctx);
        var changes = new UpdateGoal.GoalChanges(in.settable("name", NAME),
                in.clearable("description", DESCRIPTION), in.clearable("due_date", date()),
                in.settable("status", choice(STATUSES)), in.clearable("dream_id", DREAM_ID));
        in.validate();
        GoalView updated = updateGoal.update(owner, id, changes, Conditional.ifMatch(ctx));
        Conditional.respondChanged(ctx, updated.goal().version(), GoalResource.of(updated));
    }

    private void goal(Context ctx) {
        GoalView goal = getGoal.goal(owner(ctx), PathIds.goal(ctx));
        Conditional.respond(ctx, goal.goal().version(), GoalResource.of(goal));
    }

    private void delete(Context ctx) {
        deleteGoal.delete(owner(ctx), PathIds.goal(ctx), Conditional.ifMatch(ctx));
        Respond.noContent(ctx);
    }

    private UserId owner(Context ctx) {
        return authentication.require(ctx).user();
    }
}
