package org.dreamdiary.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.dreamdiary.adapter.persistence.AttachmentRows.Holder;
import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.planning.AgendaQuery;
import org.dreamdiary.application.port.out.planning.Tasks;
import org.dreamdiary.domain.error.StaleVersionException;
import org.dreamdiary.domain.planning.GoalId;
import org.dreamdiary.domain.planning.Notes;
import org.dreamdiary.domain.planning.Task;
import org.dreamdiary.domain.planning.TaskId;
import org.dreamdiary.domain.planning.TaskText;
import org.dreamdiary.domain.user.UserId;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

public final class JdbiTasks implements Tasks {
    static final String COLUMNS = "id, owner_id, goal_id, text, notes, due_date, done, completed_at, position,"
            + " created_at, updated_at, version";

    private final Jdbi jdbi;

    public JdbiTasks(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void add(Task task) {
        // several statements: atomic on their own, and part of the caller's transaction when there is one
        jdbi.useTransaction(handle -> {
            handle.createUpdate("INSERT INTO tasks (" + COLUMNS + ") VALUES (:id, :owner, :goal, :text,"
                            + " :notes, CAST(:due AS date), :done, CAST(:completedAt AS timestamptz), :position, :createdAt, :updatedAt, :version)")
                    .bind("id", task.id().value()).bind("owner", task.owner().value()).bind("goal", task.goal().value())
                    .bind("text", task.text().value()).bind("notes", task.notes() == null ? null : task.notes().value())
                    .bind("due", task.dueDate()).bind("done", task.done()).bind("completedAt", task.completedAt())
                    .bind("position", task.position()).bind("createdAt", task.createdAt()).bind("updatedAt", task.updatedAt())
                    .bind("version", task.version()).execute();
            if (!task.attachments().isEmpty()) {
                AttachmentRows.replaceHeld(handle, Holder.TASK, task.id().value(), task.attachments());
            }
        });
    }

    @Override
    public Optional<Task> byId(UserId owner, TaskId id) {
        return jdbi.withHandle(handle -> holding(handle, owner, handle.createQuery("SELECT " + COLUMNS
                        + " FROM tasks WHERE id = :id AND owner_id = :owner")
                .bind("id", id.value()).bind("owner", owner.value()).map(JdbiTasks::toTask).list()).stream().findFirst());
    }

    @Override
    public Page<Task> ofGoal(UserId owner, GoalId goal, Optional<Boolean> done, PageRequest page) {
        String where = " WHERE owner_id = :owner AND goal_id = :goal" + (done.isPresent() ? " AND done = :done" : "");
        Map<String, Object> params = new HashMap<>(Map.of("owner", owner.value(), "goal", goal.value()));
        done.ifPresent(value -> params.put("done", value));
        return page(owner, where, " ORDER BY position, id", params, page);
    }

    @Override
    public Page<Task> agenda(UserId owner, AgendaQuery query, LocalDate today, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE owner_id = :owner");
        Map<String, Object> params = new HashMap<>(Map.of("owner", owner.value()));
        query.done().ifPresent(done -> {
            where.append(" AND done = :done");
            params.put("done", done);
        });
        query.dueBefore().ifPresent(date -> {
            where.append(" AND due_date < :dueBefore");
            params.put("dueBefore", date);
        });
        query.overdue().ifPresent(overdue -> {
            where.append(overdue ? " AND NOT done AND due_date < :today" : " AND (done OR due_date IS NULL OR due_date >= :today)");
            params.put("today", today);
        });
        return page(owner, where.toString(), " ORDER BY due_date NULLS LAST, position, id", params, page);
    }

    @Override
    public void update(Task changed, int previousPosition) {
        // several statements: atomic on their own, and part of the caller's transaction when there is one
        jdbi.useTransaction(handle -> {
            shift(handle, changed, previousPosition);
            int updated = handle.createUpdate("UPDATE tasks SET text = :text, notes = :notes, due_date = CAST(:due AS date),"
                            + " done = :done, completed_at = CAST(:completedAt AS timestamptz), position = :position,"
                            + " updated_at = :updatedAt, version = :version"
                            + " WHERE id = :id AND owner_id = :owner AND version = :version - 1")
                    .bind("id", changed.id().value()).bind("owner", changed.owner().value())
                    .bind("text", changed.text().value()).bind("notes", changed.notes() == null ? null : changed.notes().value())
                    .bind("due", changed.dueDate()).bind("done", changed.done()).bind("completedAt", changed.completedAt())
                    .bind("position", changed.position()).bind("updatedAt", changed.updatedAt())
                    .bind("version", changed.version()).execute();
            if (updated == 0) {
                throw new StaleVersionException("the task");
            }
            AttachmentRows.replaceHeld(handle, Holder.TASK, changed.id().value(), changed.attachments());
        });
    }

    @Override
    public boolean delete(Task task, OptionalLong expectedVersion) {
        // several statements: atomic on their own, and part of the caller's transaction when there is one
        return jdbi.inTransaction(handle -> {
            // The gap is closed where the row really was, and only when there was a row of this owner to delete:
            // nothing of another owner's goal moves, and a task already gone does not shift its goal twice.
            Optional<Integer> deletedAt = VersionCondition.bind(handle.createQuery("DELETE FROM tasks"
                            + " WHERE id = :id AND owner_id = :owner" + VersionCondition.CONDITION + " RETURNING position"),
                            expectedVersion)
                    .bind("id", task.id().value()).bind("owner", task.owner().value()).mapTo(Integer.class).findOne();
            deletedAt.ifPresent(position -> handle.createUpdate("UPDATE tasks SET position = position - 1"
                            + " WHERE goal_id = :goal AND owner_id = :owner AND position > :position")
                    .bind("goal", task.goal().value()).bind("owner", task.owner().value()).bind("position", position)
                    .execute());
            return deletedAt.isPresent();
        });
    }

    @Override
    public TaskCounts counts(GoalId goal) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT count(*) AS total, count(*) FILTER (WHERE NOT done) AS open FROM tasks WHERE goal_id = :goal")
                .bind("goal", goal.value())
                .map((row, ctx) -> new TaskCounts(row.getLong("total"), row.getLong("open"))).one());
    }

    /** Makes room at the task's new position by moving the tasks in between one step the other way. */
    private static void shift(Handle handle, Task changed, int previousPosition) {
        int target = changed.position();
        if (target == previousPosition) {
            return;
        }
        String sql = target < previousPosition
                ? "UPDATE tasks SET position = position + 1 WHERE goal_id = :goal AND position >= :low AND position < :high"
                : "UPDATE tasks SET position = position - 1 WHERE goal_id = :goal AND position > :low AND position <= :high";
        handle.createUpdate(sql).bind("goal", changed.goal().value())
                .bind("low", Math.min(target, previousPosition)).bind("high", Math.max(target, previousPosition)).execute();
    }

    /** The page's tasks (all of {@code owner}) and what they hold: one count, one page, one more statement. */
    private Page<Task> page(UserId owner, String where, String order, Map<String, Object> params, PageRequest page) {
        return jdbi.withHandle(handle -> {
            long total = handle.createQuery("SELECT count(*) FROM tasks" + where).bindMap(params).mapTo(Long.class).one();
            List<Task> items = handle.createQuery("SELECT " + COLUMNS + " FROM tasks" + where + order + " LIMIT :limit OFFSET :offset")
                    .bindMap(params).bind("limit", page.perPage()).bind("offset", page.offset()).map(JdbiTasks::toTask).list();
            return new Page<>(holding(handle, owner, items), total, page);
        });
    }

    /** The tasks with their attachments: one statement for all of them. */
    static List<Task> holding(Handle handle, UserId owner, List<Task> tasks) {
        return AttachmentRows.withHeld(handle, Holder.TASK, owner, tasks, task -> task.id().value(),
                (task, attachments) -> new Task(task.id(), task.owner(), task.goal(), task.text(), task.notes(),
                        task.dueDate(), task.done(), task.completedAt(), task.position(), attachments, task.createdAt(),
                        task.updatedAt(), task.version()));
    }

    /** A task as its row has it: what it holds comes from {@link #holding}, or stays empty. */
    static Task toTask(ResultSet row, StatementContext context) throws SQLException {
        String notes = row.getString("notes");
        return new Task(new TaskId(Rows.uuid(row, "id")), new UserId(Rows.uuid(row, "owner_id")),
                new GoalId(Rows.uuid(row, "goal_id")), new TaskText(row.getString("text")),
                notes == null ? null : new Notes(notes), Rows.date(row, "due_date"), row.getBoolean("done"),
                Rows.instant(row, "completed_at"), row.getInt("position"), List.of(), Rows.instant(row, "created_at"),
                Rows.instant(row, "updated_at"), row.getLong("version"));
    }
}
