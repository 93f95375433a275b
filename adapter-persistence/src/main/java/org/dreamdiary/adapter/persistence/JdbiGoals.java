package org.dreamdiary.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.planning.GoalView;
import org.dreamdiary.application.planning.GoalQuery;
import org.dreamdiary.application.port.out.planning.Goals;
import org.dreamdiary.domain.error.StaleVersionException;
import org.dreamdiary.domain.planning.Description;
import org.dreamdiary.domain.planning.DreamId;
import org.dreamdiary.domain.planning.Goal;
import org.dreamdiary.domain.planning.GoalId;
import org.dreamdiary.domain.planning.GoalStatus;
import org.dreamdiary.domain.planning.Name;
import org.dreamdiary.domain.planning.Progress;
import org.dreamdiary.domain.user.UserId;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

public final class JdbiGoals implements Goals {
    private static final String COLUMNS = "g.id, g.owner_id, g.dream_id, g.name, g.description, g.due_date, g.status,"
            + " g.created_at, g.updated_at, g.version";
    /** Each goal with its tasks counted in the same statement: no query per goal. */
    static final String VIEW = "SELECT " + COLUMNS + ", t.total, t.done FROM goals g"
            + " CROSS JOIN LATERAL (SELECT count(*) AS total, count(*) FILTER (WHERE done) AS done"
            + " FROM tasks WHERE goal_id = g.id) t";

    private final Jdbi jdbi;

    public JdbiGoals(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void add(Goal goal) {
        jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO goals (id, owner_id, dream_id, name, description, due_date,"
                        + " status, created_at, updated_at, version) VALUES (:id, :owner, CAST(:dream AS uuid), :name,"
                        + " :description, CAST(:due AS date), :status, :createdAt, :updatedAt, :version)")
                .bind("id", goal.id().value()).bind("owner", goal.owner().value())
                .bind("dream", goal.dream() == null ? null : goal.dream().value())
                .bind("name", goal.name().value())
                .bind("description", goal.description() == null ? null : goal.description().value())
                .bind("due", goal.dueDate()).bind("status", status(goal.status()))
                .bind("createdAt", goal.createdAt()).bind("updatedAt", goal.updatedAt()).bind("version", goal.version())
                .execute());
    }

    @Override
    public Optional<Goal> lock(UserId owner, GoalId id) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM goals g"
                        + " WHERE g.id = :id AND g.owner_id = :owner FOR UPDATE")
                .bind("id", id.value()).bind("owner", owner.value()).map(JdbiGoals::toGoal).findOne());
    }

    @Override
    public Optional<GoalView> view(UserId owner, GoalId id) {
        return jdbi.withHandle(handle -> handle.createQuery(VIEW + " WHERE g.id = :id AND g.owner_id = :owner")
                .bind("id", id.value()).bind("owner", owner.value()).map(JdbiGoals::toView).findOne());
    }

    @Override
    public Page<GoalView> list(UserId owner, GoalQuery query, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE g.owner_id = :owner");
        Map<String, Object> params = new HashMap<>();
        params.put("owner", owner.value());
        query.status().ifPresent(status -> {
            where.append(" AND g.status = :status");
            params.put("status", status(status));
        });
        query.dream().ifPresent(dream -> {
            where.append(" AND g.dream_id = :dream");
            params.put("dream", dream.value());
        });
        query.dueBefore().ifPresent(date -> {
            where.append(" AND g.due_date < :dueBefore");
            params.put("dueBefore", date);
        });
        return jdbi.withHandle(handle -> {
            long total = handle.createQuery("SELECT count(*) FROM goals g" + where).bindMap(params).mapTo(Long.class).one();
            List<GoalView> items = handle.createQuery(VIEW + where + " ORDER BY g.created_at DESC, g.id DESC LIMIT :limit OFFSET :offset")
                    .bindMap(params).bind("limit", page.perPage()).bind("offset", page.offset())
                    .map(JdbiGoals::toView).list();
            return new Page<>(items, total, page);
        });
    }

    @Override
    public void update(Goal changed) {
        int updated = jdbi.withHandle(handle -> handle.createUpdate("UPDATE goals SET dream_id = CAST(:dream AS uuid), name = :name,"
                        + " description = :description, due_date = CAST(:due AS date), status = :status, updated_at = :updatedAt,"
                        + " version = :version WHERE id = :id AND owner_id = :owner AND version = :version - 1")
                .bind("id", changed.id().value()).bind("owner", changed.owner().value())
                .bind("dream", changed.dream() == null ? null : changed.dream().value())
                .bind("name", changed.name().value())
                .bind("description", changed.description() == null ? null : changed.description().value())
                .bind("due", changed.dueDate()).bind("status", status(changed.status()))
                .bind("updatedAt", changed.updatedAt()).bind("version", changed.version()).execute());
        if (updated == 0) {
            throw new StaleVersionException("the goal");
        }
    }

    @Override
    public boolean delete(UserId owner, GoalId id, OptionalLong expectedVersion) {
        return jdbi.withHandle(handle -> VersionCondition.bind(handle.createUpdate("DELETE FROM goals"
                        + " WHERE id = :id AND owner_id = :owner" + VersionCondition.CONDITION), expectedVersion)
                .bind("id", id.value()).bind("owner", owner.value()).execute()) > 0;
    }

    @Override
    public Set<GoalId> existing(UserId owner, Collection<GoalId> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        List<UUID> wanted = ids.stream().map(GoalId::value).toList();
        return new HashSet<>(jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT id FROM goals WHERE owner_id = :owner AND id = ANY(:ids)")
                .bind("owner", owner.value()).bindArray("ids", UUID.class, wanted)
                .map((row, ctx) -> new GoalId(Rows.uuid(row, "id"))).list()));
    }

    static String status(GoalStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    private static Goal toGoal(ResultSet row, StatementContext context) throws SQLException {
        UUID dream = Rows.uuid(row, "dream_id");
        String description = row.getString("description");
        return new Goal(new GoalId(Rows.uuid(row, "id")), new UserId(Rows.uuid(row, "owner_id")),
                dream == null ? null : new DreamId(dream), new Name(row.getString("name")),
                description == null ? null : new Description(description), Rows.date(row, "due_date"),
                GoalStatus.valueOf(row.getString("status").toUpperCase(Locale.ROOT)),
                Rows.instant(row, "created_at"), Rows.instant(row, "updated_at"), row.getLong("version"));
    }

    static GoalView toView(ResultSet row, StatementContext context) throws SQLException {
        return new GoalView(toGoal(row, context), new Progress(row.getLong("done"), row.getLong("total")));
    }
}
