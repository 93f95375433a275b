package org.dreamdiary.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.dreamdiary.adapter.persistence.AttachmentRows.Holder;
import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.planning.DreamView;
import org.dreamdiary.application.planning.DreamQuery;
import org.dreamdiary.application.port.out.planning.Dreams;
import org.dreamdiary.domain.attachment.Attachment;
import org.dreamdiary.domain.error.StaleVersionException;
import org.dreamdiary.domain.planning.Description;
import org.dreamdiary.domain.planning.Dream;
import org.dreamdiary.domain.planning.DreamId;
import org.dreamdiary.domain.planning.DreamStatus;
import org.dreamdiary.domain.planning.Name;
import org.dreamdiary.domain.user.UserId;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

public final class JdbiDreams implements Dreams {
    private static final String COLUMNS = "d.id, d.owner_id, d.name, d.description, d.created_at, d.updated_at, d.version";
    /** Each dream with its goals counted in the same statement: no query per dream. */
    static final String VIEW = "SELECT " + COLUMNS + ", g.total, g.active, g.achieved FROM dreams d"
            + " CROSS JOIN LATERAL (SELECT count(*) AS total, count(*) FILTER (WHERE status = 'active') AS active,"
            + " count(*) FILTER (WHERE status = 'achieved') AS achieved FROM goals WHERE dream_id = d.id) g";
    private static final String STATUS = "CASE WHEN g.active > 0 THEN 'pursuing' WHEN g.achieved > 0 THEN 'achieved'"
            + " ELSE 'dreaming' END";

    private final Jdbi jdbi;

    public JdbiDreams(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void add(Dream dream) {
        // several statements: atomic on their own, and part of the caller's transaction when there is one
        jdbi.useTransaction(handle -> {
            handle.createUpdate("INSERT INTO dreams (id, owner_id, name, description, created_at,"
                            + " updated_at, version) VALUES (:id, :owner, :name, :description, :createdAt, :updatedAt, :version)")
                    .bind("id", dream.id().value()).bind("owner", dream.owner().value())
                    .bind("name", dream.name().value())
                    .bind("description", dream.description() == null ? null : dream.description().value())
                    .bind("createdAt", dream.createdAt()).bind("updatedAt", dream.updatedAt()).bind("version", dream.version())
                    .execute();
            if (!dream.attachments().isEmpty()) {
                AttachmentRows.replaceHeld(handle, Holder.DREAM, dream.id().value(), dream.attachments());
            }
        });
    }

    @Override
    public Optional<Dream> byId(UserId owner, DreamId id) {
        return jdbi.withHandle(handle -> AttachmentRows.withHeld(handle, Holder.DREAM, owner, handle.createQuery("SELECT " + COLUMNS
                        + " FROM dreams d WHERE d.id = :id AND d.owner_id = :owner")
                .bind("id", id.value()).bind("owner", owner.value()).map(JdbiDreams::toDream).list(),
                dream -> dream.id().value(), JdbiDreams::holding).stream().findFirst());
    }

    @Override
    public Optional<DreamView> view(UserId owner, DreamId id) {
        return jdbi.withHandle(handle -> views(handle, owner, handle.createQuery(VIEW + " WHERE d.id = :id AND d.owner_id = :owner")
                .bind("id", id.value()).bind("owner", owner.value()).map(JdbiDreams::toView).list()).stream().findFirst());
    }

    @Override
    public Page<DreamView> list(UserId owner, DreamQuery query, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE d.owner_id = :owner");
        Map<String, Object> params = new HashMap<>();
        params.put("owner", owner.value());
        query.status().ifPresent(status -> {
            where.append(" AND ").append(STATUS).append(" = :status");
            params.put("status", status.name().toLowerCase(Locale.ROOT));
        });
        query.text().ifPresent(text -> {
            where.append(" AND d.search @@ (websearch_to_tsquery('russian', :q) || websearch_to_tsquery('english', :q))");
            params.put("q", text);
        });
        String order = switch (query.sort()) {
            case CREATED_ASC -> "d.created_at, d.id";
            case CREATED_DESC -> "d.created_at DESC, d.id DESC";
            case NAME_ASC -> "lower(d.name), d.id";
            case NAME_DESC -> "lower(d.name) DESC, d.id DESC";
        };
        return jdbi.withHandle(handle -> {
            long total = handle.createQuery("SELECT count(*) FROM (" + VIEW + where + ") counted").bindMap(params)
                    .mapTo(Long.class).one();
            List<DreamView> items = handle.createQuery(VIEW + where + " ORDER BY " + order + " LIMIT :limit OFFSET :offset")
                    .bindMap(params).bind("limit", page.perPage()).bind("offset", page.offset())
                    .map(JdbiDreams::toView).list();
            return new Page<>(views(handle, owner, items), total, page);
        });
    }

    @Override
    public void update(Dream changed) {
        // several statements: atomic on their own, and part of the caller's transaction when there is one
        jdbi.useTransaction(handle -> {
            int updated = handle.createUpdate("UPDATE dreams SET name = :name, description = :description,"
                            + " updated_at = :updatedAt, version = :version WHERE id = :id AND owner_id = :owner AND version = :version - 1")
                    .bind("id", changed.id().value()).bind("owner", changed.owner().value())
                    .bind("name", changed.name().value())
                    .bind("description", changed.description() == null ? null : changed.description().value())
                    .bind("updatedAt", changed.updatedAt()).bind("version", changed.version()).execute();
            if (updated == 0) {
                throw new StaleVersionException("the dream");
            }
            AttachmentRows.replaceHeld(handle, Holder.DREAM, changed.id().value(), changed.attachments());
        });
    }

    @Override
    public boolean delete(UserId owner, DreamId id, OptionalLong expectedVersion) {
        return jdbi.withHandle(handle -> VersionCondition.bind(handle.createUpdate("DELETE FROM dreams"
                        + " WHERE id = :id AND owner_id = :owner" + VersionCondition.CONDITION), expectedVersion)
                .bind("id", id.value()).bind("owner", owner.value()).execute()) > 0;
    }

    /** The views with the attachments of their dreams: one more statement for all of them. */
    static List<DreamView> views(Handle handle, UserId owner, List<DreamView> views) {
        return AttachmentRows.withHeld(handle, Holder.DREAM, owner, views, view -> view.dream().id().value(),
                (view, attachments) -> new DreamView(holding(view.dream(), attachments), view.goalCount(), view.status()));
    }

    private static Dream holding(Dream dream, List<Attachment> attachments) {
        return new Dream(dream.id(), dream.owner(), dream.name(), dream.description(), attachments, dream.createdAt(),
                dream.updatedAt(), dream.version());
    }

    /** A dream as its row has it: what it holds comes from {@link #views}, or stays empty. */
    private static Dream toDream(ResultSet row, StatementContext context) throws SQLException {
        String description = row.getString("description");
        return new Dream(new DreamId(Rows.uuid(row, "id")), new UserId(Rows.uuid(row, "owner_id")), new Name(row.getString("name")),
                description == null ? null : new Description(description), List.of(), Rows.instant(row, "created_at"),
                Rows.instant(row, "updated_at"), row.getLong("version"));
    }

    /** A view as its row has it, without its dream's attachments: {@link #views} adds them. */
    static DreamView toView(ResultSet row, StatementContext context) throws SQLException {
        return new DreamView(toDream(row, context), row.getLong("total"),
                DreamStatus.of(row.getLong("active"), row.getLong("achieved")));
    }
}
