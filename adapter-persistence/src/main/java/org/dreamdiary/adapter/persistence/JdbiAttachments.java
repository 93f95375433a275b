package org.dreamdiary.adapter.persistence;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.port.out.attachment.Attachments;
import org.dreamdiary.domain.attachment.Attachment;
import org.dreamdiary.domain.attachment.AttachmentId;
import org.dreamdiary.domain.attachment.AttachmentKind;
import org.dreamdiary.domain.attachment.StoredFile;
import org.dreamdiary.domain.user.UserId;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/** Attachments' metadata in {@code attachments}; their bytes are the blob store's. */
public final class JdbiAttachments implements Attachments {
    private static final String SELECT = "SELECT " + AttachmentRows.COLUMNS + " FROM attachments a";

    /**
     * Deleting one attachment in one statement: every dream, task and diary entry that holds it and the profile
     * that shows it get a new version (a writer holding the old one then fails its conditional write instead of
     * bringing the attachment back), the avatar is cleared, and deleting the row takes its links and its chunks
     * with it (foreign keys, ON DELETE CASCADE). One statement needs no transaction of its own to be atomic.
     */
    private static final String DELETE = "WITH target AS (SELECT id FROM attachments WHERE id = :id AND owner_id = :owner),"
            + bumped(AttachmentRows.Holder.DREAM, "dreams") + ","
            + bumped(AttachmentRows.Holder.TASK, "tasks") + ","
            + bumped(AttachmentRows.Holder.DIARY_ENTRY, "diary_entries") + ","
            + " avatar AS (UPDATE users SET avatar_attachment_id = NULL, version = version + 1"
            + " WHERE id = :owner AND avatar_attachment_id IN (SELECT id FROM target))"
            + " DELETE FROM attachments WHERE id IN (SELECT id FROM target) AND owner_id = :owner";

    private final Jdbi jdbi;

    public JdbiAttachments(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    private static String bumped(AttachmentRows.Holder holder, String table) {
        return " " + table + "_bumped AS (UPDATE " + table + " h SET version = h.version + 1 FROM " + holder.table() + " l"
                + " WHERE l." + holder.column() + " = h.id AND l.attachment_id IN (SELECT id FROM target)"
                + " AND h.owner_id = :owner)";
    }

    @Override
    public void add(Attachment attachment) {
        StoredFile file = attachment.file();
        jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO attachments (id, owner_id, kind, content_type,"
                        + " size_bytes, sha256, width, height, filename, url, created_at) VALUES (:id, :owner, :kind,"
                        + " :contentType, :size, :sha256, :width, :height, :filename, :url, :createdAt)")
                .bind("id", attachment.id().value()).bind("owner", attachment.owner().value())
                .bind("kind", AttachmentRows.kind(attachment.kind()))
                .bind("contentType", file == null ? null : file.format().mediaType())
                .bind("size", file == null ? null : file.sizeBytes())
                .bind("sha256", file == null ? null : file.sha256().hex())
                .bind("width", file == null || file.imageSize() == null ? null : file.imageSize().width())
                .bind("height", file == null || file.imageSize() == null ? null : file.imageSize().height())
                .bind("filename", file == null || file.name() == null ? null : file.name().value())
                .bind("url", attachment.link() == null ? null : attachment.link().value())
                .bind("createdAt", attachment.createdAt())
                .execute());
    }

    @Override
    public Optional<Attachment> byId(UserId owner, AttachmentId id) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT + " WHERE a.id = :id AND a.owner_id = :owner")
                .bind("id", id.value()).bind("owner", owner.value())
                .map((row, ctx) -> AttachmentRows.map(row)).findOne());
    }

    @Override
    public Optional<Attachment> readable(UserId reader, AttachmentId id) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT + " WHERE a.id = :id AND (a.owner_id = :reader"
                        + " OR EXISTS (SELECT 1 FROM users u WHERE u.avatar_attachment_id = a.id))")
                .bind("id", id.value()).bind("reader", reader.value())
                .map((row, ctx) -> AttachmentRows.map(row)).findOne());
    }

    @Override
    public Page<Attachment> list(UserId owner, AttachmentKind kind, PageRequest page) {
        String where = " WHERE a.owner_id = :owner AND (CAST(:kind AS text) IS NULL OR a.kind = :kind)";
        String kindName = kind == null ? null : AttachmentRows.kind(kind);
        return jdbi.withHandle(handle -> {
            long total = handle.createQuery("SELECT count(*) FROM attachments a" + where)
                    .bind("owner", owner.value()).bind("kind", kindName).mapTo(Long.class).one();
            List<Attachment> items = handle.createQuery(SELECT + where
                            + " ORDER BY a.created_at DESC, a.id DESC LIMIT :limit OFFSET :offset")
                    .bind("owner", owner.value()).bind("kind", kindName)
                    .bind("limit", page.perPage()).bind("offset", page.offset())
                    .map((row, ctx) -> AttachmentRows.map(row)).list();
            return new Page<>(items, total, page);
        });
    }

    @Override
    public List<Attachment> owned(UserId owner, Collection<AttachmentId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(handle -> withIds(handle.createQuery(SELECT + " WHERE a.owner_id = :owner AND a.id = ANY(:ids)"
                        + " FOR KEY SHARE"), ids)
                .bind("owner", owner.value())
                .map((row, ctx) -> AttachmentRows.map(row)).list());
    }

    /** Unscoped on purpose: it only tells which ids are in use, for finding content whose metadata is gone. */
    @Override
    public Set<AttachmentId> existing(Collection<AttachmentId> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return jdbi.withHandle(handle -> withIds(handle.createQuery("SELECT id FROM attachments WHERE id = ANY(:ids)"), ids)
                .mapTo(UUID.class).map(AttachmentId::new).collect(Collectors.toCollection(HashSet::new)));
    }

    @Override
    public List<AttachmentId> withContent(UserId owner) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT id FROM attachments WHERE owner_id = :owner AND kind <> 'link'")
                .bind("owner", owner.value()).mapTo(UUID.class).map(AttachmentId::new).list());
    }

    @Override
    public boolean delete(UserId owner, AttachmentId id) {
        return jdbi.withHandle(handle -> handle.createUpdate(DELETE)
                .bind("id", id.value()).bind("owner", owner.value()).execute()) > 0;
    }

    private static Query withIds(Query query, Collection<AttachmentId> ids) {
        return query.bindArray("ids", UUID.class, ids.stream().map(AttachmentId::value).toList());
    }
}
