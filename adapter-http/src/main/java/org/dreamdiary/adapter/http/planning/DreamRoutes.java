package org.dreamdiary.adapter.http.planning;

import static org.dreamdiary.adapter.http.json.FieldTypes.attachmentIds;
import static org.dreamdiary.adapter.http.json.FieldTypes.date;
import static org.dreamdiary.adapter.http.planning.PlanningFields.DESCRIPTION;
import static org.dreamdiary.adapter.http.planning.PlanningFields.NAME;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dreamdiary.adapter.http.auth.Authentication;
import org.dreamdiary.adapter.http.conditional.Conditional;
import org.dreamdiary.adapter.http.json.Choices;
import org.dreamdiary.adapter.http.json.JsonFields;
import org.dreamdiary.adapter.http.paging.Paging;
import org.dreamdiary.adapter.http.planning.PlanningResources.DreamResource;
import org.dreamdiary.adapter.http.planning.PlanningResources.GoalResource;
import org.dreamdiary.adapter.http.request.JsonBody;
import org.dreamdiary.adapter.http.routing.PathIds;
import org.dreamdiary.adapter.http.routing.QueryParams;
import org.dreamdiary.adapter.http.routing.Respond;
import org.dreamdiary.adapter.http.routing.RouteGroup;
import org.dreamdiary.adapter.http.routing.Router;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.planning.DreamView;
import org.dreamdiary.application.planning.GoalQuery;
import org.dreamdiary.application.port.in.planning.CreateDream;
import org.dreamdiary.application.port.in.planning.DeleteDream;
import org.dreamdiary.application.port.in.planning.FormGoal;
import org.dreamdiary.application.port.in.planning.GetDream;
import org.dreamdiary.application.planning.GoalView;
import org.dreamdiary.application.port.in.planning.ListDreams;
import org.dreamdiary.application.planning.DreamQuery;
import org.dreamdiary.application.planning.DreamQuery.DreamSort;
import org.dreamdiary.application.port.in.planning.ListGoals;
import org.dreamdiary.application.port.in.planning.UpdateDream;
import org.dreamdiary.domain.planning.Description;
import org.dreamdiary.domain.planning.DreamId;
import org.dreamdiary.domain.planning.DreamStatus;
import org.dreamdiary.domain.planning.Name;
import org.dreamdiary.domain.user.UserId;

/** {@code /api/v1/dreams}, and the goals formed from a dream. */
public final class DreamRoutes implements RouteGroup {
    private static final Map<String, DreamStatus> STATUSES = Choices.words(DreamStatus.values());
    private static final Map<String, DreamSort> SORTS = Map.of("created_at", DreamSort.CREATED_ASC,
            "-created_at", DreamSort.CREATED_DESC, "name", DreamSort.NAME_ASC, "-name", DreamSort.NAME_DESC);

    private final CreateDream createDream;
    private final GetDream getDream;
    private final ListDreams listDreams;
    private final UpdateDream updateDream;
    private final DeleteDream deleteDream;
    private final FormGoal formGoal;
    private final ListGoals listGoals;
    private final Authentication authentication;

    public DreamRoutes(CreateDream createDream, GetDream getDream, ListDreams listDreams, UpdateDream updateDream,
                       DeleteDream deleteDream, FormGoal formGoal, ListGoals listGoals, Authentication authentication) {
        this.createDream = createDream;
        this.getDream = getDream;
        this.listDreams = listDreams;
        this.updateDream = updateDream;
        this.deleteDream = deleteDream;
        this.formGoal = formGoal;
        this.listGoals = listGoals;
        this.authentication = authentication;
    }

    @Override
    public void register(Router router) {
        router.post("/api/v1/dreams", this::create);
        router.get("/api/v1/dreams", this::page);
        router.get("/api/v1/dreams/{id}", this::dream);
        router.patch("/api/v1/dreams/{id}", this::update);
        router.delete("/api/v1/dreams/{id}", this::delete);
        router.post("/api/v1/dreams/{id}/goals", this::formGoal);
        router.get("/api/v1/dreams/{id}/goals", this::goals);
    }

    private void create(Context ctx) {
        UserId owner = owner(ctx);
        JsonFields in = JsonBody.fields(ctx);
        Name name = in.required("name", NAME);
        Description description = in.optional("description", DESCRIPTION).orElse(null);
        List<UUID> attachments = in.optional("attachment_ids", attachmentIds()).orElse(List.of());
        in.validate();
        DreamResource created = DreamResource.of(createDream.create(owner, new CreateDream.NewDream(name, description, attachments)));
        Respond.created(ctx, created.links().self(), created);
    }

    private void page(Context ctx) {
        UserId owner = owner(ctx);
        QueryParams query = new QueryParams(ctx);
        PageRequest page = Paging.request(query);
        DreamQuery filter = new DreamQuery(query.choice("status", STATUSES), query.text("q", 200),
                query.choice("sort", SORTS).orElse(DreamSort.CREATED_DESC));
        query.validate();
        Paging.respond(ctx, listDreams.list(owner, filter, page), DreamResource::of);
    }

    private void update(Context ctx) {
        UserId owner = owner(ctx);
        DreamId id = PathIds.dream(ctx);
        JsonFields in = JsonBody.fields(ctx);
        UpdateDream.DreamChanges changes = new UpdateDream.DreamChanges(in.settable("name", NAME),
                in.clearable("description", DESCRIPTION), in.settable("attachment_ids", attachmentIds()));
        in.validate();
        DreamView updated = updateDream.update(owner, id, changes, Conditional.ifMatch(ctx));
        Conditional.respondChanged(ctx, updated.dream().version(), DreamResource.of(updated));
    }

    private void dream(Context ctx) {
        DreamView dream = getDream.dream(owner(ctx), PathIds.dream(ctx));
        Conditional.respond(ctx, dream.dream().version(), DreamResource.of(dream));
    }

    private void delete(Context ctx) {
        deleteDream.delete(owner(ctx), PathIds.dream(ctx), Conditional.ifMatch(ctx));
        Respond.noContent(ctx);
    }

    private void formGoal(Context ctx) {
        UserId owner = owner(ctx);
        DreamId dream = PathIds.dream(ctx);
        JsonFields in = JsonBody.fields(ctx);
        var name = in.optional("name", NAME);
        var description = in.optional("description", DESCRIPTION);
        var dueDate = in.optional("due_date", date());
        in.validate();
        GoalView goal = formGoal.formGoal(owner, dream, name, description, dueDate);
        GoalResource created = GoalResource.of(goal);
        Respond.created(ctx, created.links().self(), created);
    }

    private void goals(Context ctx) {
        UserId owner = owner(ctx);
        DreamId dream = PathIds.dream(ctx);
        QueryParams query = new QueryParams(ctx);
        PageRequest page = Paging.request(query);
        query.validate();
        getDream.dream(owner, dream);
        Paging.respond(ctx, listGoals.list(owner, GoalQuery.ofDream(dream), page), GoalResource::of);
    }

    private UserId owner(Context ctx) {
        return authentication.require(ctx).user();
    }
}
