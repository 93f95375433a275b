package org.dreamdiary.adapter.persistence;

import static org.dreamdiary.adapter.persistence.JdbiChats.CALLER_IS_MEMBER;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.dreamdiary.application.chat.ChatStats;
import org.dreamdiary.application.chat.ChatStats.AuthorCount;
import org.dreamdiary.application.chat.ChatStats.DayCount;
import org.dreamdiary.application.chat.MessageCursor;
import org.dreamdiary.application.chat.MessageSlice;
import org.dreamdiary.application.port.out.chat.Messages;
import org.dreamdiary.domain.chat.ChatId;
import org.dreamdiary.domain.chat.Message;
import org.dreamdiary.domain.chat.MessageId;
import org.dreamdiary.domain.chat.MessageText;
import org.dreamdiary.domain.error.StaleVersionException;
import org.dreamdiary.domain.user.UserId;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

public final class JdbiMessages implements Messages {
    private static final List<String> NAMES = List.of("id", "chat_id", "author_id", "text", "created_at", "edited_at",
            "version");
    static final String COLUMNS = String.join(", ", NAMES.stream().map(name -> "m." + name).toList());
    /** The columns for a row that also holds another table's: each name begins with {@value #PREFIXED}. */
    static final String PREFIXED = "message_";
    static final String PREFIXED_COLUMNS = String.join(", ",
            NAMES.stream().map(name -> "m." + name + " AS " + PREFIXED + name).toList());

    private final Jdbi jdbi;

    public JdbiMessages(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void add(Message message) {
        // one statement stores the message and makes it the chat's newest, under the lock taken by reserveMessage
        jdbi.useHandle(handle -> handle.createUpdate("WITH stored AS (INSERT INTO messages (id, chat_id, author_id, text,"
                        + " created_at, edited_at, version) VALUES (:id, :chat, :author, :text, :createdAt, NULL, :version)"
                        + " RETURNING id, chat_id, created_at)"
                        + " UPDATE chats c SET message_count = c.message_count + 1, last_message_at = stored.created_at,"
                        + " last_message_id = stored.id FROM stored WHERE c.id = stored.chat_id")
                .bind("id", message.id().value()).bind("chat", message.chat().value())
                .bind("author", message.author().value()).bind("text", message.text().value())
                .bind("createdAt", message.createdAt()).bind("version", message.version())
                .execute());
    }

    @Override
    public void addAll(List<Message> batch) {
        // one statement for the whole batch: the rows in one INSERT, then the chat counts them and takes the last
        jdbi.useHandle(handle -> handle.createUpdate("WITH stored AS (INSERT INTO messages (id, chat_id, author_id, text,"
                        + " created_at, edited_at, version) SELECT id, :chat, author, text, created_at::timestamptz, NULL, version"
                        + " FROM unnest(:ids, :authors, :texts, :createdAts, :versions) AS m(id, author, text, created_at, version)"
                        + " RETURNING id, created_at)"
                        + " UPDATE chats c SET message_count = c.message_count + added.n, last_message_at = newest.created_at,"
                        + " last_message_id = newest.id FROM (SELECT count(*) AS n FROM stored) AS added,"
                        + " (SELECT id, created_at FROM stored ORDER BY id DESC LIMIT 1) AS newest WHERE c.id = :chat")
                .bind("chat", batch.get(0).chat().value())
                .bindArray("ids", UUID.class, batch.stream().map(message -> message.id().value()).toList())
                .bindArray("authors", UUID.class, batch.stream().map(message -> message.author().value()).toList())
                .bindArray("texts", String.class, batch.stream().map(message -> message.text().value()).toList())
                .bindArray("createdAts", String.class, batch.stream().map(message -> message.createdAt().toString()).toList())
                .bindArray("versions", Long.class, batch.stream().map(Message::version).toList())
                .execute());
    }

    @Override
    public Optional<Visible> byId(UserId caller, MessageId id) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + ", c.owner_id AS chat_owner"
                        + " FROM messages m JOIN chats c ON c.id = m.chat_id"
                        + " JOIN chat_members me ON me.chat_id = m.chat_id AND me.user_id = :caller WHERE m.id = :id")
                .bind("caller", caller.value()).bind("id", id.value())
                .map((row, ctx) -> new Visible(toMessage(row, ctx), new UserId(Rows.uuid(row, "chat_owner"))))
                .findOne());
    }

    /**
     * The condition {@code column = value}, for reads that walk an index on ({@code column}, {@code id}) in id order
     * (ordered by {@code column}, then {@code id}), written as a range of one value: with {@code =}, PostgreSQL drops
     * {@code column} from the order as a constant, and a plan made without the value (the generic plan of a prepared
     * statement) may then walk the primary key from the newest message, reading every newer message of other chats
     * or authors first. As a range, only the index on ({@code column}, {@code id}) gives that order.
     */
    static String oneValueOf(String column, String value) {
        return column + " >= " + value + " AND " + column + " <= " + value;
    }

    @Override
    public MessageSlice slice(UserId caller, ChatId chat, MessageCursor cursor) {
        String position = switch (cursor.direction()) {
            case LATEST -> " ORDER BY m.chat_id DESC, m.id DESC";
            case BEFORE -> " AND m.id < :from ORDER BY m.chat_id DESC, m.id DESC";
            case AFTER -> " AND m.id > :from ORDER BY m.chat_id, m.id";
        };
        // one row more than asked tells whether there is a next page, without counting
        Map<String, Object> params = new HashMap<>(Map.of("chat", chat.value(), "caller", caller.value(),
                "limit", cursor.limit() + 1));
        if (cursor.from() != null) {
            params.put("from", cursor.from().value());
        }
        List<Message> rows = jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS
                        + " FROM messages m WHERE " + oneValueOf("m.chat_id", ":chat") + " AND " + CALLER_IS_MEMBER + position
                        + " LIMIT :limit")
                .bindMap(params).map(JdbiMessages::toMessage).list());
        boolean more = rows.size() > cursor.limit();
        return new MessageSlice(more ? rows.subList(0, cursor.limit()) : rows, cursor, more);
    }

    @Override
    public void update(Message changed) {
        int updated = jdbi.withHandle(handle -> handle.createUpdate("UPDATE messages SET text = :text, edited_at = :editedAt,"
                        + " version = :version WHERE id = :id AND version = :version - 1")
                .bind("id", changed.id().value()).bind("text", changed.text().value())
                .bind("editedAt", changed.editedAt()).bind("version", changed.version()).execute());
        if (updated == 0) {
            throw new StaleVersionException("the message");
        }
    }

    @Override
    public boolean delete(ChatId chat, MessageId id, OptionalLong expectedVersion) {
        return jdbi.inTransaction(handle -> {
            // lock the chat first: the statement below then starts after every earlier post or delete committed
            handle.createQuery("SELECT id FROM chats WHERE id = :chat FOR UPDATE").bind("chat", chat.value())
                    .mapTo(UUID.class).findOne();
            return VersionCondition.bind(handle.createQuery("WITH gone AS (DELETE FROM messages"
                            + " WHERE id = :id AND chat_id = :chat" + VersionCondition.CONDITION + " RETURNING id)"
                            + " UPDATE chats c SET message_count = c.message_count - 1, last_message_at = (SELECT created_at"
                            + " FROM messages WHERE " + oneValueOf("chat_id", ":chat")
                            + " AND id <> :id ORDER BY chat_id DESC, id DESC LIMIT 1)"
                            + " FROM gone WHERE c.id = :chat RETURNING c.id"), expectedVersion)
                    .bind("chat", chat.value()).bind("id", id.value()).mapTo(UUID.class).findOne().isPresent();
        });
    }

    @Override
    public ChatStats stats(UserId caller, ChatId chat, LocalDate from, LocalDate to) {
        StringBuilder where = new StringBuilder(" WHERE chat_id = :chat AND " + CALLER_IS_MEMBER);
        Map<String, Object> params = new HashMap<>(Map.of("chat", chat.value(), "caller", caller.value()));
        if (from != null) {
            where.append(" AND created_at >= :from");
            params.put("from", from.atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        if (to != null) {
            where.append(" AND created_at < :until");
            params.put("until", to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        // one statement, one pass: a row per day, a row per author and the grand total; the days in order, then
        // the authors from the most messages down, ties in uuid order and departed accounts (null) last
        List<Counted> rows = jdbi.withHandle(handle -> handle.createQuery("SELECT GROUPING(day) AS day_rolled_up,"
                        + " GROUPING(author_id) AS author_rolled_up, day, author_id, count(*) AS n, min(created_at) AS first_at,"
                        + " max(created_at) AS last_at FROM (SELECT (created_at AT TIME ZONE 'UTC')::date AS day, author_id,"
                        + " created_at FROM messages" + where + ") AS counted GROUP BY GROUPING SETS ((day), (author_id), ())"
                        + " ORDER BY day, n DESC, author_id NULLS LAST")
                .bindMap(params)
                .map((row, ctx) -> new Counted(row.getInt("day_rolled_up") == 0, row.getInt("author_rolled_up") == 0,
                        Rows.date(row, "day"), Rows.uuid(row, "author_id"), row.getLong("n"),
                        Rows.instant(row, "first_at"), Rows.instant(row, "last_at")))
                .list());
        List<DayCount> perDay = new ArrayList<>();
        List<AuthorCount> perAuthor = new ArrayList<>();
        Counted total = null;
        for (Counted row : rows) {
            if (row.oneDay()) {
                perDay.add(new DayCount(row.day(), row.count()));
            } else if (row.oneAuthor()) {
                perAuthor.add(new AuthorCount(row.author() == null ? null : new UserId(row.author()), row.count()));
            } else {
                total = row;
            }
        }
        // the empty grouping set always gives its row, with a count of 0 over no messages
        return new ChatStats(total.count(), total.first(), total.last(), perDay, perAuthor);
    }

    /** One row of the statistics: a day's count, an author's count, or (neither) the whole period's. */
    private record Counted(boolean oneDay, boolean oneAuthor, LocalDate day, UUID author, long count, Instant first,
                           Instant last) {
    }

    @Override
    public List<Message> byAuthor(UserId author, MessageId after, int limit) {
        Map<String, Object> params = new HashMap<>(Map.of("author", author.value(), "limit", limit));
        if (after != null) {
            params.put("after", after.value());
        }
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM messages m WHERE "
                        + oneValueOf("m.author_id", ":author") + (after == null ? "" : " AND m.id > :after")
                        + " ORDER BY m.author_id, m.id LIMIT :limit")
                .bindMap(params).map(JdbiMessages::toMessage).list());
    }

    /** Messages by id, whoever may see them: for delivering events to subscribers already checked as members. */
    List<Message> byIds(List<MessageId> ids) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM messages m WHERE m.id = ANY(:ids)")
                .bindArray("ids", UUID.class, ids.stream().map(MessageId::value).toList())
                .map(JdbiMessages::toMessage).list());
    }

    static Message toMessage(ResultSet row, StatementContext context) throws SQLException {
        return toMessage(row, "");
    }

    /** The message in the columns whose names begin with {@code prefix}. */
    static Message toMessage(ResultSet row, String prefix) throws SQLException {
        UUID author = Rows.uuid(row, prefix + "author_id");
        return new Message(new MessageId(Rows.uuid(row, prefix + "id")), new ChatId(Rows.uuid(row, prefix + "chat_id")),
                author == null ? null : new UserId(author), new MessageText(row.getString(prefix + "text")),
                Rows.instant(row, prefix + "created_at"), Rows.instant(row, prefix + "edited_at"),
                row.getLong(prefix + "version"));
    }
}
