package org.dreamdiary.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.dreamdiary.application.chat.ChatOverview;
import org.dreamdiary.application.chat.ChatQuery;
import org.dreamdiary.application.chat.ChatView;
import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.port.out.chat.Chats;
import org.dreamdiary.domain.chat.Chat;
import org.dreamdiary.domain.chat.ChatId;
import org.dreamdiary.domain.chat.ChatTitle;
import org.dreamdiary.domain.chat.Message;
import org.dreamdiary.domain.chat.MessageId;
import org.dreamdiary.domain.error.StaleVersionException;
import org.dreamdiary.domain.user.User;
import org.dreamdiary.domain.user.UserId;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

public final class JdbiChats implements Chats {
    /** Membership of {@code :caller} in {@code :chat}: every read is made as a member, in the SQL itself. */
    static final String CALLER_IS_MEMBER = "EXISTS (SELECT 1 FROM chat_members WHERE chat_id = :chat AND user_id = :caller)";

    /** Chats as seen by the member {@code :caller}; the member count is an index-only count of one chat's members. */
    static final String SELECT = "SELECT c.id, c.owner_id, c.title, c.message_count, c.last_message_at,"
            + " c.created_at, c.updated_at, c.version,"
            + " (SELECT count(*) FROM chat_members WHERE chat_id = c.id) AS member_count"
            + " FROM chats c JOIN chat_members me ON me.chat_id = c.id AND me.user_id = :caller";

    private final Jdbi jdbi;

    public JdbiChats(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void add(Chat chat, List<UserId> members, Instant now) {
        List<UUID> everyone = new ArrayList<>();
        everyone.add(chat.owner().value());
        members.forEach(member -> everyone.add(member.value()));
        // several statements: atomic on their own, and part of the caller's transaction when there is one
        jdbi.useTransaction(handle -> {
            handle.createUpdate("INSERT INTO chats (id, owner_id, title, created_at, updated_at, version)"
                            + " VALUES (:id, :owner, :title, :createdAt, :updatedAt, :version)")
                    .bind("id", chat.id().value()).bind("owner", chat.owner().value()).bind("title", chat.title().value())
                    .bind("createdAt", chat.createdAt()).bind("updatedAt", chat.updatedAt()).bind("version", chat.version())
                    .execute();
            handle.createUpdate("INSERT INTO chat_members (chat_id, user_id, joined_at) SELECT :chat, member, :now"
                            + " FROM unnest(:members) AS member")
                    .bind("chat", chat.id().value()).bindArray("members", UUID.class, everyone).bind("now", now)
                    .execute();
        });
    }

    @Override
    public Optional<ChatView> asMember(UserId caller, ChatId chat) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT + " WHERE c.id = :chat")
                .bind("caller", caller.value()).bind("chat", chat.value()).map(JdbiChats::toView).findOne());
    }

    /**
     * One statement, so one round trip and one snapshot: the chat as its member sees it (no row otherwise), then,
     * for that row, its latest messages (from the chat's own entries of {@code messages_chat_id}, see
     * {@link JdbiMessages#oneValueOf}), one result row each with the chat repeated, or one with no message.
     */
    @Override
    public Optional<ChatOverview> overview(UserId caller, ChatId chat, int limit) {
        return jdbi.withHandle(handle -> handle.createQuery("WITH chat AS MATERIALIZED (" + SELECT + " WHERE c.id = :chat)"
                        + " SELECT chat.*, " + JdbiMessages.PREFIXED_COLUMNS + " FROM chat LEFT JOIN LATERAL (SELECT *"
                        + " FROM messages WHERE " + JdbiMessages.oneValueOf("chat_id", "chat.id")
                        + " ORDER BY chat_id DESC, id DESC" + RowLimits.limit(limit) + ") m ON true"
                        + " ORDER BY m.id DESC")
                .bind("caller", caller.value()).bind("chat", chat.value())
                .scanResultSet((rows, context) -> {
                    ResultSet row = rows.get();
                    if (!row.next()) {
                        return Optional.<ChatOverview>empty();
                    }
                    ChatView view = toView(row, context);
                    List<Message> latest = new ArrayList<>();
                    do {
                        if (Rows.uuid(row, JdbiMessages.PREFIXED + "id") != null) {
                            latest.add(JdbiMessages.toMessage(row, JdbiMessages.PREFIXED));
                        }
                    } while (row.next());
                    return Optional.of(new ChatOverview(view, latest));
                }));
    }

    @Override
    public Page<ChatView> list(UserId caller, ChatQuery query, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE true");
        Map<String, Object> params = new HashMap<>(Map.of("caller", caller.value()));
        query.titleContains().ifPresent(text -> {
            where.append(" AND lower(c.title) LIKE :pattern");
            params.put("pattern", "%" + Like.escape(text.toLowerCase(Locale.ROOT)) + "%");
        });
        if (query.ownedOnly()) {
            where.append(" AND c.owner_id = :caller");
        }
        return jdbi.withHandle(handle -> {
            long total = handle.createQuery("SELECT count(*) FROM chats c JOIN chat_members me ON me.chat_id = c.id"
                    + " AND me.user_id = :caller" + where).bindMap(params).mapTo(Long.class).one();
            List<ChatView> items = handle.createQuery(SELECT + where
                            + " ORDER BY coalesce(c.last_message_at, c.created_at) DESC, c.id DESC LIMIT :limit OFFSET :offset")
                    .bindMap(params).bind("limit", page.perPage()).bind("offset", page.offset())
                    .map(JdbiChats::toView).list();
            return new Page<>(items, total, page);
        });
    }

    @Override
    public void update(Chat changed) {
        int updated = jdbi.withHandle(handle -> handle.createUpdate("UPDATE chats SET title = :title, updated_at = :updatedAt,"
                        + " version = :version WHERE id = :id AND version = :version - 1")
                .bind("id", changed.id().value()).bind("title", changed.title().value())
                .bind("updatedAt", changed.updatedAt()).bind("version", changed.version()).execute());
        if (updated == 0) {
            throw new StaleVersionException("the chat");
        }
    }

    @Override
    public boolean delete(UserId owner, ChatId chat, OptionalLong expectedVersion) {
        return jdbi.withHandle(handle -> VersionCondition.bind(handle.createUpdate("DELETE FROM chats"
                        + " WHERE id = :chat AND owner_id = :owner" + VersionCondition.CONDITION), expectedVersion)
                .bind("chat", chat.value()).bind("owner", owner.value()).execute()) > 0;
    }

    @Override
    public Page<User> members(UserId caller, ChatId chat, PageRequest page) {
        String from = " FROM chat_members m JOIN users u ON u.id = m.user_id"
                + " WHERE m.chat_id = :chat AND " + CALLER_IS_MEMBER;
        return jdbi.withHandle(handle -> {
            long total = handle.createQuery("SELECT count(*)" + from)
                    .bind("chat", chat.value()).bind("caller", caller.value()).mapTo(Long.class).one();
            List<User> items = handle.createQuery("SELECT " + JdbiUsers.COLUMNS + from
                            + " ORDER BY m.joined_at, m.user_id <> (SELECT owner_id FROM chats WHERE id = :chat), m.user_id"
                            + " LIMIT :limit OFFSET :offset")
                    .bind("chat", chat.value()).bind("caller", caller.value())
                    .bind("limit", page.perPage()).bind("offset", page.offset())
                    .map(JdbiUsers::map).list();
            return new Page<>(items, total, page);
        });
    }

    @Override
    public boolean addMember(ChatId chat, UserId member, Instant now) {
        return jdbi.withHandle(handle -> handle.createUpdate("INSERT INTO chat_members (chat_id, user_id, joined_at)"
                        + " VALUES (:chat, :member, :now) ON CONFLICT DO NOTHING")
                .bind("chat", chat.value()).bind("member", member.value()).bind("now", now).execute()) > 0;
    }

    @Override
    public boolean removeMember(ChatId chat, UserId member) {
        return jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM chat_members WHERE chat_id = :chat AND user_id = :member")
                .bind("chat", chat.value()).bind("member", member.value()).execute()) > 0;
    }

    @Override
    public Optional<Slot> reserveMessage(UserId caller, ChatId chat) {
        // FOR UPDATE: posts to one chat queue here until the previous one commits, so ids follow commit order
        return jdbi.withHandle(handle -> handle.createQuery("SELECT last_message_id FROM chats WHERE id = :chat AND "
                        + CALLER_IS_MEMBER + " FOR UPDATE")
                .bind("chat", chat.value()).bind("caller", caller.value())
                .map((row, ctx) -> {
                    UUID highest = Rows.uuid(row, "last_message_id");
                    return new Slot(highest == null ? null : new MessageId(highest));
                }).findOne());
    }

    @Override
    public Optional<Slots> reserveMessages(ChatId chat, Set<UserId> posters) {
        // one statement locks the chat once for the whole batch and tells which posters are members
        return jdbi.withHandle(handle -> handle.createQuery("SELECT c.last_message_id, ARRAY(SELECT user_id FROM chat_members"
                        + " WHERE chat_id = c.id AND user_id = ANY(:posters)) AS members FROM chats c WHERE c.id = :chat"
                        + " AND EXISTS (SELECT 1 FROM chat_members WHERE chat_id = :chat AND user_id = ANY(:posters))"
                        + " FOR UPDATE OF c")
                .bind("chat", chat.value()).bindArray("posters", UUID.class, posters.stream().map(UserId::value).toList())
                .map((row, ctx) -> {
                    UUID highest = Rows.uuid(row, "last_message_id");
                    Set<UserId> members = new HashSet<>();
                    for (UUID member : (UUID[]) row.getArray("members").getArray()) {
                        members.add(new UserId(member));
                    }
                    return new Slots(highest == null ? null : new MessageId(highest), members);
                }).findOne());
    }

    static ChatView toView(ResultSet row, StatementContext context) throws SQLException {
        Chat chat = new Chat(new ChatId(Rows.uuid(row, "id")), new UserId(Rows.uuid(row, "owner_id")),
                new ChatTitle(row.getString("title")), Rows.instant(row, "created_at"), Rows.instant(row, "updated_at"),
                row.getLong("version"));
        return new ChatView(chat, row.getLong("member_count"), row.getLong("message_count"),
                Rows.instant(row, "last_message_at"));
    }
}
