package org.dreamdiary.adapter.persistence;

import static org.dreamdiary.persistence.contract.TestUsers.aUser;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.dreamdiary.domain.diary.DiaryEntry;
import org.dreamdiary.domain.diary.DiaryEntryId;
import org.dreamdiary.domain.diary.DiaryText;
import org.dreamdiary.domain.diary.Mood;
import org.dreamdiary.domain.planning.Dream;
import org.dreamdiary.domain.planning.DreamId;
import org.dreamdiary.domain.planning.Goal;
import org.dreamdiary.domain.planning.GoalId;
import org.dreamdiary.domain.planning.Name;
import org.dreamdiary.domain.planning.Task;
import org.dreamdiary.domain.planning.TaskId;
import org.dreamdiary.domain.planning.TaskText;
import org.dreamdiary.domain.user.User;
import org.dreamdiary.domain.user.UserId;
import org.jdbi.v3.core.Jdbi;

/**
 * The planning and diary adapters over one {@link Jdbi}, for the tests that watch the statements they send or look
 * at their tables, with a few rows written through the adapters themselves (timestamps in microseconds, as
 * PostgreSQL keeps them). What every adapter must do is the contract kit's.
 */
final class PlanningFixture {
    static final Instant T0 = Instant.parse("2026-11-01T08:00:00.123456Z");

    final Jdbi jdbi;
    final JdbiUsers users;
    final JdbiDreams dreams;
    final JdbiGoals goals;
    final JdbiTasks tasks;
    final JdbiDiaryEntries diary;

    PlanningFixture(Jdbi jdbi) {
        this.jdbi = jdbi;
        users = new JdbiUsers(jdbi);
        dreams = new JdbiDreams(jdbi);
        goals = new JdbiGoals(jdbi);
        tasks = new JdbiTasks(jdbi);
        diary = new JdbiDiaryEntries(jdbi);
    }

    /** A fresh schema with every migration applied. */
    static PlanningFixture onFreshSchema() {
        return new PlanningFixture(MigratedSchema.jdbi(MigratedSchema.create()));
    }

    UserId owner() {
        User user = aUser().build();
        users.add(user);
        return user.id();
    }

    Dream dream(UserId owner, String name) {
        Dream dream = Dream.create(new DreamId(UUID.randomUUID()), owner, new Name(name), null, List.of(), T0);
        dreams.add(dream);
        return dream;
    }

    Goal goal(UserId owner, Dream dream, String name) {
        Goal goal = Goal.create(new GoalId(UUID.randomUUID()), owner, dream == null ? null : dream.id(), new Name(name),
                null, null, T0);
        goals.add(goal);
        return goal;
    }

    Task task(UserId owner, Goal goal, String text, int position) {
        Task task = Task.create(new TaskId(UUID.randomUUID()), owner, goal.id(), new TaskText(text), null, null, position,
                List.of(), T0);
        tasks.add(task);
        return task;
    }

    DiaryEntry entry(UserId owner, LocalDate date, String text, Integer mood, List<GoalId> goalIds) {
        DiaryEntry entry = new DiaryEntry(new DiaryEntryId(UUID.randomUUID()), owner, date, null, new DiaryText(text),
                mood == null ? null : new Mood(mood), goalIds, List.of(), T0, T0, 1);
        diary.add(entry);
        return entry;
    }

    /** A number read straight from the tables, for checks that should not trust the adapter under test. */
    long count(String sql, Object... arguments) {
        return jdbi.withHandle(handle -> {
            var query = handle.createQuery(sql);
            for (int i = 0; i < arguments.length; i++) {
                query.bind(i, arguments[i]);
            }
            return query.mapTo(Long.class).one();
        });
    }

    /** The row of {@code table} with this id as text, column by column, to show that it did not change. */
    String row(String table, UUID id) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT t::text FROM " + table + " t WHERE id = :id")
                .bind("id", id).mapTo(String.class).one());
    }
}
