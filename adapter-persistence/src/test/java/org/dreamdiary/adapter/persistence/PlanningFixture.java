package org.dreamdiary.adapter.persistence;

import static org.dreamdiary.persistence.contract.TestUsers.aUser;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.dreamdiary.domain.attachment.Attachment;
import org.dreamdiary.domain.attachment.AttachmentId;
import org.dreamdiary.domain.attachment.FileFormat;
import org.dreamdiary.domain.attachment.FileName;
import org.dreamdiary.domain.attachment.ImageSize;
import org.dreamdiary.domain.attachment.LinkUrl;
import org.dreamdiary.domain.attachment.Sha256;
import org.dreamdiary.domain.attachment.StoredFile;
import org.dreamdiary.domain.diary.DiaryEntry;
import org.dreamdiary.domain.diary.DiaryEntryId;
import org.dreamdiary.domain.diary.DiaryText;
import org.dreamdiary.domain.diary.DiaryTitle;
import org.dreamdiary.domain.diary.Mood;
import org.dreamdiary.domain.planning.Description;
import org.dreamdiary.domain.planning.Dream;
import org.dreamdiary.domain.planning.DreamId;
import org.dreamdiary.domain.planning.Goal;
import org.dreamdiary.domain.planning.GoalId;
import org.dreamdiary.domain.planning.GoalStatus;
import org.dreamdiary.domain.planning.Name;
import org.dreamdiary.domain.planning.Task;
import org.dreamdiary.domain.planning.TaskId;
import org.dreamdiary.domain.planning.TaskText;
import org.dreamdiary.domain.user.User;
import org.dreamdiary.domain.user.UserId;
import org.jdbi.v3.core.Jdbi;

/**
 * Dreams, goals, tasks and diary entries written through the adapters themselves, on a migrated schema, with
 * timestamps in microseconds as PostgreSQL keeps them. Every helper returns what it stored.
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
        return dream(owner, UUID.randomUUID(), name, null, T0);
    }

    Dream dream(UserId owner, String name, String description, Instant createdAt) {
        return dream(owner, UUID.randomUUID(), name, description, createdAt);
    }

    Dream dream(UserId owner, UUID id, String name, String description, Instant createdAt) {
        return dream(owner, id, name, description, createdAt, List.of());
    }

    Dream dream(UserId owner, String name, List<Attachment> attachments) {
        return dream(owner, UUID.randomUUID(), name, null, T0, attachments);
    }

    Dream dream(UserId owner, UUID id, String name, String description, Instant createdAt, List<Attachment> attachments) {
        Dream dream = Dream.create(new DreamId(id), owner, new Name(name),
                description == null ? null : new Description(description), attachments, createdAt);
        dreams.add(dream);
        return dream;
    }

    Goal goal(UserId owner, Dream dream, String name) {
        return goal(owner, dream, name, null, GoalStatus.ACTIVE, T0);
    }

    Goal goal(UserId owner, Dream dream, String name, LocalDate due, GoalStatus status, Instant createdAt) {
        Goal goal = new Goal(new GoalId(UUID.randomUUID()), owner, dream == null ? null : dream.id(), new Name(name), null,
                due, status, createdAt, createdAt, 1);
        goals.add(goal);
        return goal;
    }

    Task task(UserId owner, Goal goal, String text, int position) {
        return task(owner, goal, text, null, false, position);
    }

    Task task(UserId owner, Goal goal, String text, LocalDate due, boolean done, int position) {
        return task(owner, goal, text, due, done, position, List.of());
    }

    Task task(UserId owner, Goal goal, String text, int position, List<Attachment> attachments) {
        return task(owner, goal, text, null, false, position, attachments);
    }

    Task task(UserId owner, Goal goal, String text, LocalDate due, boolean done, int position,
              List<Attachment> attachments) {
        Task task = new Task(new TaskId(UUID.randomUUID()), owner, goal.id(), new TaskText(text), null, due, done,
                done ? T0 : null, position, attachments, T0, T0, 1);
        tasks.add(task);
        return task;
    }

    DiaryEntry entry(UserId owner, LocalDate date, String text, Integer mood, List<GoalId> goalIds) {
        return entry(owner, UUID.randomUUID(), date, null, text, mood, goalIds);
    }

    DiaryEntry entry(UserId owner, LocalDate date, String title, String text, Integer mood, List<GoalId> goalIds) {
        return entry(owner, UUID.randomUUID(), date, title, text, mood, goalIds);
    }

    DiaryEntry entry(UserId owner, UUID id, LocalDate date, String title, String text, Integer mood, List<GoalId> goalIds) {
        return entry(owner, id, date, title, text, mood, goalIds, List.of());
    }

    DiaryEntry entry(UserId owner, LocalDate date, String text, List<Attachment> attachments) {
        return entry(owner, UUID.randomUUID(), date, null, text, null, List.of(), attachments);
    }

    DiaryEntry entry(UserId owner, UUID id, LocalDate date, String title, String text, Integer mood, List<GoalId> goalIds,
                     List<Attachment> attachments) {
        DiaryEntry entry = new DiaryEntry(new DiaryEntryId(id), owner, date, title == null ? null : new DiaryTitle(title),
                new DiaryText(text), mood == null ? null : new Mood(mood), goalIds, attachments, T0, T0, 1);
        diary.add(entry);
        return entry;
    }

    /** A link of the owner's, its row written straight into its table: the attachments' own store is not under test. */
    Attachment link(UserId owner, String url) {
        Attachment link = Attachment.ofLink(new AttachmentId(UUID.randomUUID()), owner, new LinkUrl(url), T0);
        jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO attachments (id, owner_id, kind, url, created_at)"
                        + " VALUES (:id, :owner, 'link', :url, :createdAt)")
                .bind("id", link.id().value()).bind("owner", owner.value()).bind("url", url).bind("createdAt", T0)
                .execute());
        return link;
    }

    /** A picture of the owner's (metadata only), its row written straight into its table. */
    Attachment image(UserId owner, String filename, int width, int height) {
        StoredFile file = new StoredFile(FileFormat.PNG, 1234, new Sha256("0f".repeat(32)), new ImageSize(width, height),
                new FileName(filename));
        Attachment image = Attachment.ofFile(new AttachmentId(UUID.randomUUID()), owner, file, T0);
        jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO attachments (id, owner_id, kind, content_type, size_bytes,"
                        + " sha256, width, height, filename, created_at) VALUES (:id, :owner, 'image', 'image/png', 1234,"
                        + " :sha, :width, :height, :filename, :createdAt)")
                .bind("id", image.id().value()).bind("owner", owner.value()).bind("sha", file.sha256().hex())
                .bind("width", width).bind("height", height).bind("filename", filename).bind("createdAt", T0)
                .execute());
        return image;
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

    /** The tasks of a goal as {@code text@position}, in position order. */
    List<String> positions(GoalId goal) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT text || '@' || position FROM tasks WHERE goal_id = :goal"
                        + " ORDER BY position, id")
                .bind("goal", goal.value()).mapTo(String.class).list());
    }

    /** A series of ids that PostgreSQL sorts by {@code n}: the same random first half, then {@code n}. */
    static UUID ordered(long series, int n) {
        return new UUID(series, n);
    }
}
