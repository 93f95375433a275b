package org.dreamdiary.client.api;

import java.util.UUID;
import java.util.stream.Stream;
import org.dreamdiary.client.call.Call;
import org.dreamdiary.client.internal.Body;
import org.dreamdiary.client.internal.Paths;
import org.dreamdiary.client.internal.Request;
import org.dreamdiary.client.internal.Transport;
import org.dreamdiary.client.model.Goal;
import org.dreamdiary.client.model.GoalChanges;
import org.dreamdiary.client.model.GoalFromDream;
import org.dreamdiary.client.model.GoalQuery;
import org.dreamdiary.client.model.NewGoal;
import org.dreamdiary.client.model.Page;
import org.dreamdiary.client.model.PageRequest;

/**
 * Goals: what the user sets out to do, on their own or formed from a dream, whose status they drive. Their tasks live
 * in {@link TasksApi}.
 */
public final class GoalsApi {
    private static final String DREAMS = Paths.API + "/dreams";
    private static final String GOALS = Paths.API + "/goals";
    private static final Body<Goal> GOAL = Body.json(Goal.class);

    private final Transport transport;
    private final Resources<Goal> goals;

    public GoalsApi(Transport transport) {
        this.transport = transport;
        this.goals = new Resources<>(transport, GOALS, Goal.class);
    }

    /** Forms a goal from one of the user's dreams (now pursued); the goal takes the dream's name unless given one. */
    @OperationId("formGoal")
    public Call<Goal> formFrom(UUID dreamId, GoalFromDream goal) {
        return transport.call(Request.post(ofDream(dreamId), goal), GOAL);
    }

    /** One page of the goals formed from the dream, newest first. */
    @OperationId("listDreamGoals")
    public Call<Page<Goal>> listOfDream(UUID dreamId, PageRequest page) {
        return goals.page(listingOfDream(dreamId, page));
    }

    /** Every goal formed from the dream, from {@code page} on, fetched a page at a time as the stream is read. */
    @OperationId("listDreamGoals")
    public Stream<Goal> allOfDream(UUID dreamId, PageRequest page) {
        return goals.all(listingOfDream(dreamId, page));
    }

    /** Sets a goal; a dream it names must be one of the user's. */
    @OperationId("createGoal")
    public Call<Goal> create(NewGoal goal) {
        return goals.create(goal);
    }

    /** One page of the goals the query selects. */
    @OperationId("listGoals")
    public Call<Page<Goal>> list(GoalQuery query) {
        return goals.page(listing(query));
    }

    /** Every goal the query selects, from its page on, fetched a page at a time as the stream is read. */
    @OperationId("listGoals")
    public Stream<Goal> all(GoalQuery query) {
        return goals.all(listing(query));
    }

    @OperationId("getGoal")
    public Call<Goal> get(UUID id) {
        return goals.get(id);
    }

    /** Changes the goal, provided it is still as this client last read or wrote it ({@code If-Match}). */
    @OperationId("updateGoal")
    public Call<Goal> update(UUID id, GoalChanges changes) {
        return goals.update(id, changes);
    }

    /** Deletes the goal and its tasks, provided it is still as this client last saw it. */
    @OperationId("deleteGoal")
    public Call<Void> delete(UUID id) {
        return goals.delete(id);
    }

    private static String ofDream(UUID dreamId) {
        return Paths.of(DREAMS, dreamId, "goals");
    }

    private static Request listingOfDream(UUID dreamId, PageRequest page) {
        return Paths.paged(Request.get(ofDream(dreamId)), page);
    }

    private static Request listing(GoalQuery query) {
        return Paths.paged(Request.get(GOALS)
                .query("status", query.status())
                .query("dream_id", query.dreamId())
                .query("due_before", query.dueBefore()), query.page());
    }
}
