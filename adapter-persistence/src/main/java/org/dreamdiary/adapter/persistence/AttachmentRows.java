package org.dreamdiary.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.dreamdiary.domain.attachment.Attachment;
import org.dreamdiary.domain.attachment.AttachmentId;
import org.dreamdiary.domain.attachment.AttachmentKind;
import org.dreamdiary.domain.attachment.FileFormat;
import org.dreamdiary.domain.attachment.FileName;
import org.dreamdiary.domain.attachment.ImageSize;
import org.dreamdiary.domain.attachment.LinkUrl;
import org.dreamdiary.domain.attachment.Sha256;
import org.dreamdiary.domain.attachment.StoredFile;
import org.dreamdiary.domain.user.UserId;
import org.jdbi.v3.core.Handle;

/**
 * Attachment rows, for the attachments' own store and for every store of things that hold attachments: the columns,
 * the mapping, and the link tables that hold them in order.
 */
final class AttachmentRows {
    /** The columns of {@code attachments a}, in the order {@link #map} reads them by name. */
    static final String COLUMNS = "a.id, a.owner_id, a.kind, a.content_type, a.size_bytes, a.sha256, a.width, a.height,"
            + " a.filename, a.url, a.created_at";

    /** A table that holds attachments in order: its name, and the column naming the holder. */
    enum Holder {
        DREAM("dream_attachments", "dream_id"),
        TASK("task_attachments", "task_id"),
        DIARY_ENTRY("diary_entry_attachments", "entry_id");

        private final String table;
        private final String column;

        Holder(String table, String column) {
            this.table = table;
            this.column = column;
        }

        String table() {
            return table;
        }

        /** The column of {@link #table} naming the holder. */
        String column() {
            return column;
        }
    }

    private AttachmentRows() {
    }

    static Attachment map(ResultSet row) throws SQLException {
        AttachmentId id = new AttachmentId(Rows.uuid(row, "id"));
        UserId owner = new UserId(Rows.uuid(row, "owner_id"));
        AttachmentKind kind = AttachmentKind.valueOf(row.getString("kind").toUpperCase(Locale.ROOT));
        if (kind == AttachmentKind.LINK) {
            return new Attachment(id, owner, kind, null, new LinkUrl(row.getString("url")), Rows.instant(row, "created_at"));
        }
        int width = row.getInt("width");
        ImageSize imageSize = row.wasNull() ? null : new ImageSize(width, row.getInt("height"));
        String filename = row.getString("filename");
        StoredFile file = new StoredFile(format(row.getString("content_type")), row.getLong("size_bytes"),
                new Sha256(row.getString("sha256")), imageSize, filename == null ? null : new FileName(filename));
        return new Attachment(id, owner, kind, file, null, Rows.instant(row, "created_at"));
    }

    static String kind(AttachmentKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private static FileFormat format(String mediaType) {
        return Arrays.stream(FileFormat.values()).filter(format -> format.mediaType().equals(mediaType)).findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown content type in the database: " + mediaType));
    }

    /**
     * The attachments each of {@code holders} holds, in their order, in one statement however many there are;
     * a holder with none is absent from the map.
     */
    static Map<UUID, List<Attachment>> heldBy(Handle handle, Holder holder, UserId owner, Collection<UUID> holders) {
        Map<UUID, List<Attachment>> held = new LinkedHashMap<>();
        if (holders.isEmpty()) {
            return held;
        }
        handle.createQuery("SELECT l." + holder.column + " AS holder_id, " + COLUMNS + " FROM " + holder.table + " l"
                        + " JOIN attachments a ON a.id = l.attachment_id"
                        + " WHERE l." + holder.column + " = ANY(:holders) AND a.owner_id = :owner"
                        + " ORDER BY l." + holder.column + ", l.position")
                .bindArray("holders", UUID.class, List.copyOf(holders))
                .bind("owner", owner.value())
                .map((row, ctx) -> Map.entry(Rows.uuid(row, "holder_id"), map(row)))
                .forEach(entry -> held.computeIfAbsent(entry.getKey(), key -> new ArrayList<>()).add(entry.getValue()));
        return held;
    }

    /**
     * {@code items} (all of {@code owner}) each with the attachments it holds, in one statement however many there
     * are, and none when there are no items.
     */
    static <T> List<T> withHeld(Handle handle, Holder holder, UserId owner, List<T> items, Function<T, UUID> idOf,
                                BiFunction<T, List<Attachment>, T> holding) {
        Map<UUID, List<Attachment>> held = heldBy(handle, holder, owner, items.stream().map(idOf).toList());
        return items.stream().map(item -> holding.apply(item, held.getOrDefault(idOf.apply(item), List.of()))).toList();
    }

    /** Makes {@code attachments} exactly what {@code holderId} holds, in that order. */
    static void replaceHeld(Handle handle, Holder holder, UUID holderId, List<Attachment> attachments) {
        handle.createUpdate("DELETE FROM " + holder.table + " WHERE " + holder.column + " = :holder")
                .bind("holder", holderId).execute();
        if (attachments.isEmpty()) {
            return;
        }
        handle.createUpdate("INSERT INTO " + holder.table + " (" + holder.column + ", attachment_id, position)"
                        + " SELECT :holder, attachment, position FROM unnest(:attachments) WITH ORDINALITY AS held(attachment, position)")
                .bind("holder", holderId)
                .bindArray("attachments", UUID.class, attachments.stream().map(a -> a.id().value()).toList())
                .execute();
    }
}
