package org.dreamdiary.adapter.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.OptionalDouble;
import java.util.TreeSet;
import java.util.UUID;
import org.dreamdiary.adapter.persistence.AttachmentRows.Holder;
import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.diary.MonthCount;
import org.dreamdiary.application.diary.DiaryQuery;
import org.dreamdiary.application.port.out.diary.DiaryEntries;
import org.dreamdiary.domain.diary.DiaryEntry;
import org.dreamdiary.domain.diary.DiaryEntryId;
import org.dreamdiary.domain.diary.DiaryText;
import org.dreamdiary.domain.diary.DiaryTitle;
import org.dreamdiary.domain.diary.Mood;
import org.dreamdiary.domain.error.StaleVersionException;
import org.dreamdiary.domain.planning.GoalId;
import org.dreamdiary.domain.user.UserId;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

public final class JdbiDiaryEntries implements DiaryEntries {
    /** Each entry with its goal ids gathered in the same statement: no query per entry. */
    static final String SELECT = "SELECT e.id, e.owner_id, e.entry_date, e.title, e.text, e.mood, e.created_at,"
            + " e.updated_at, e.version, ARRAY(SELECT goal_id FROM diary_entry_goals WHERE entry_id = e.id ORDER BY position)"
            + " AS goal_ids FROM diary_entries e";

    private final Jdbi jdbi;

    public JdbiDiaryEntries(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void add(DiaryEntry entry) {
        // several statements: atomic on their own, and part of the caller's transaction when there is one
        jdbi.useTransaction(handle -> {
            handle.createUpdate("INSERT INTO diary_entries (id, owner_id, entry_date, title, text, mood, created_at, updated_at,"
                            + " version) VALUES (:id, :owner, :date, :title, :text, CAST(:mood AS smallint), :createdAt, :updatedAt, :version)")
                    .bind("id", entry.id().value()).bind("owner", entry.owner().value()).bind("date", entry.entryDate())
                    .bind("title", entry.title() == null ? null : entry.title().value()).bind("text", entry.text().value())
                    .bind("mood", entry.mood() == null ? null : entry.mood().value())
                    .bind("createdAt", entry.createdAt()).bind("updatedAt", entry.updatedAt()).bind("version", entry.version())
                    .execute();
            linkGoals(handle, entry);
            if (!entry.attachments().isEmpty()) {
                AttachmentRows.replaceHeld(handle, Holder.DIARY_ENTRY, entry.id().value(), entry.attachments());
            }
        });
    }

    @Override
    public Optional<DiaryEntry> byId(UserId owner, DiaryEntryId id) {
        return jdbi.withHandle(handle -> holding(handle, owner, handle.createQuery(SELECT + " WHERE e.id = :id AND e.owner_id = :owner")
                .bind("id", id.value()).bind("owner", owner.value()).map(JdbiDiaryEntries::toEntry).list()).stream().findFirst());
    }

    @Override
    public Page<DiaryEntry> list(UserId owner, DiaryQuery query, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE e.owner_id = :owner");
        Map<String, Object> params = new HashMap<>(Map.of("owner", owner.value()));
        query.from().ifPresent(from -> {
            where.append(" AND e.entry_date >= :from");
            params.put("from", from);
        });
        query.to().ifPresent(to -> {
            where.append(" AND e.entry_date <= :to");
            params.put("to", to);
        });
        query.mood().ifPresent(mood -> {
            where.append(" AND e.mood = :mood");
            params.put("mood", (short) mood.value());
        });
        query.text().ifPresent(text -> {
            where.append(" AND e.search @@ (websearch_to_tsquery('russian', :q) || websearch_to_tsquery('english', :q))");
            params.put("q", text);
        });
        return jdbi.withHandle(handle -> {
            long total = handle.createQuery("SELECT count(*) FROM diary_entries e" + where).bindMap(params).mapTo(Long.class).one();
            List<DiaryEntry> items = handle.createQuery(SELECT + where + " ORDER BY e.entry_date DESC, e.id DESC LIMIT :limit OFFSET :offset")
                    .bindMap(params).bind("limit", page.perPage()).bind("offset", page.offset())
                    .map(JdbiDiaryEntries::toEntry).list();
            return new Page<>(holding(handle, owner, items), total, page);
        });
    }

    @Override
    public void update(DiaryEntry changed) {
        // several statements: atomic on their own, and part of the caller's transaction when there is one
        jdbi.useTransaction(handle -> {
            int updated = handle.createUpdate("UPDATE diary_entries SET entry_date = :date, title = :title, text = :text,"
                            + " mood = CAST(:mood AS smallint), updated_at = :updatedAt, version = :version"
                            + " WHERE id = :id AND owner_id = :owner AND version = :version - 1")
                    .bind("id", changed.id().value()).bind("owner", changed.owner().value()).bind("date", changed.entryDate())
                    .bind("title", changed.title() == null ? null : changed.title().value()).bind("text", changed.text().value())
                    .bind("mood", changed.mood() == null ? null : changed.mood().value())
                    .bind("updatedAt", changed.updatedAt()).bind("version", changed.version()).execute();
            if (updated == 0) {
                throw new StaleVersionException("the diary entry");
            }
            handle.createUpdate("DELETE FROM diary_entry_goals WHERE entry_id = :id").bind("id", changed.id().value()).execute();
            linkGoals(handle, changed);
            AttachmentRows.replaceHeld(handle, Holder.DIARY_ENTRY, changed.id().value(), changed.attachments());
        });
    }

    @Override
    public boolean delete(UserId owner, DiaryEntryId id, OptionalLong expectedVersion) {
        return jdbi.withHandle(handle -> VersionCondition.bind(handle.createUpdate("DELETE FROM diary_entries"
                        + " WHERE id = :id AND owner_id = :owner" + VersionCondition.CONDITION), expectedVersion)
                .bind("id", id.value()).bind("owner", owner.value()).execute()) > 0;
    }

    @Override
    public Totals totals(UserId owner) {
        return jdbi.withHandle(handle -> {
            Object[] overall = handle.createQuery("SELECT count(*) AS entries, avg(mood) AS mood FROM diary_entries WHERE owner_id = :owner")
                    .bind("owner", owner.value())
                    .map((row, ctx) -> new Object[] {row.getLong("entries"), row.getObject("mood")}).one();
            TreeSet<LocalDate> days = new TreeSet<>(handle.createQuery(
                            "SELECT DISTINCT entry_date FROM diary_entries WHERE owner_id = :owner ORDER BY entry_date")
                    .bind("owner", owner.value()).map((row, ctx) -> Rows.date(row, "entry_date")).list());
            List<MonthCount> months = handle.createQuery("SELECT date_trunc('month', entry_date)::date AS month, count(*) AS entries"
                            + " FROM diary_entries WHERE owner_id = :owner GROUP BY 1 ORDER BY 1")
                    .bind("owner", owner.value())
                    .map((row, ctx) -> new MonthCount(YearMonth.from(Rows.date(row, "month")), row.getLong("entries"))).list();
            OptionalDouble mood = overall[1] == null ? OptionalDouble.empty()
                    : OptionalDouble.of(((Number) overall[1]).doubleValue());
            return new Totals((Long) overall[0], mood, days, months);
        });
    }

    /** All links in one statement, in the order given. */
    private static void linkGoals(Handle handle, DiaryEntry entry) {
        if (entry.goals().isEmpty()) {
            return;
        }
        handle.createUpdate("INSERT INTO diary_entry_goals (entry_id, goal_id, position)"
                        + " SELECT :entry, goal, position FROM unnest(:goals) WITH ORDINALITY AS linked(goal, position)")
                .bind("entry", entry.id().value())
                .bindArray("goals", UUID.class, entry.goals().stream().map(GoalId::value).toList())
                .execute();
    }

    /** The entries with their attachments: one statement for all of them. */
    static List<DiaryEntry> holding(Handle handle, UserId owner, List<DiaryEntry> entries) {
        return AttachmentRows.withHeld(handle, Holder.DIARY_ENTRY, owner, entries, entry -> entry.id().value(),
                (entry, attachments) -> new DiaryEntry(entry.id(), entry.owner(), entry.entryDate(), entry.title(),
                        entry.text(), entry.mood(), entry.goals(), attachments, entry.createdAt(), entry.updatedAt(),
                        entry.version()));
    }

    /** An entry as its row has it: what it holds comes from {@link #holding}, or stays empty. */
    static DiaryEntry toEntry(ResultSet row, StatementContext context) throws SQLException {
        String title = row.getString("title");
        int mood = row.getInt("mood");
        boolean noMood = row.wasNull();
        Array goalIds = row.getArray("goal_ids");
        List<GoalId> goals = Arrays.stream((Object[]) goalIds.getArray()).map(id -> new GoalId((UUID) id)).toList();
        return new DiaryEntry(new DiaryEntryId(Rows.uuid(row, "id")), new UserId(Rows.uuid(row, "owner_id")),
                Rows.date(row, "entry_date"), title == null ? null : new DiaryTitle(title), new DiaryText(row.getString("text")),
                noMood ? null : new Mood(mood), goals, List.of(), Rows.instant(row, "created_at"), Rows.instant(row, "updated_at"),
                row.getLong("version"));
    }
}
