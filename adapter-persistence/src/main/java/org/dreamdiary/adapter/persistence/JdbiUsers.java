package org.dreamdiary.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.port.out.user.Users;
import org.dreamdiary.domain.error.StaleVersionException;
import org.dreamdiary.domain.user.Email;
import org.dreamdiary.domain.user.FullName;
import org.dreamdiary.domain.user.PhoneNumber;
import org.dreamdiary.domain.user.User;
import org.dreamdiary.domain.user.UserId;
import org.dreamdiary.domain.user.Username;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

public final class JdbiUsers implements Users {
    static final String COLUMNS = "id, username, full_name, email, phone_number, avatar_attachment_id,"
            + " password_hash, created_at, updated_at, version";
    private static final Map<String, String> UNIQUE = Map.of(
            "users_username_key", "the username is taken",
            "users_email_key", "the e-mail address is taken");
    /** Matches what a search looks in: username and full name, lower-cased, as the trigram index has them. */
    private static final String SEARCHED = "lower(username || ' ' || coalesce(full_name, ''))";
    /**
     * The index finds the candidates; the second test keeps those where the username or the full name alone contains
     * the query, since the indexed text joins the two with a space and so also contains "bob jo" for "bob", "Jones".
     * PostgreSQL's LIKE escapes with a backslash by default, as {@link Like} writes them; no {@code ESCAPE '\'}
     * clause, because JDBI's statement parser reads backslashes in the SQL text as escapes and mangles the quotes.
     */
    private static final String SEARCH_CONDITION = SEARCHED + " LIKE :pattern"
            + " AND (lower(username) LIKE :pattern OR lower(full_name) LIKE :pattern)";

    private final Jdbi jdbi;

    public JdbiUsers(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void add(User user) {
        // A NULL uuid is bound without a type; the casts give it one.
        write(handle -> handle.createUpdate("INSERT INTO users (" + COLUMNS + ") VALUES (:id, :username, :fullName,"
                        + " :email, :phone, CAST(:avatar AS uuid), :hash, :createdAt, :updatedAt, :version)")
                .bind("id", user.id().value())
                .bind("username", user.username().value())
                .bind("fullName", user.fullName() == null ? null : user.fullName().value())
                .bind("email", user.email() == null ? null : user.email().value())
                .bind("phone", user.phoneNumber() == null ? null : user.phoneNumber().value())
                .bind("avatar", user.avatarAttachmentId())
                .bind("hash", user.passwordHash())
                .bind("createdAt", user.createdAt())
                .bind("updatedAt", user.updatedAt())
                .bind("version", user.version())
                .execute());
    }

    @Override
    public Optional<User> byId(UserId id) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM users WHERE id = :id")
                .bind("id", id.value()).map(JdbiUsers::map).findOne());
    }

    @Override
    public Set<UserId> existing(Collection<UserId> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return jdbi.withHandle(handle -> handle.createQuery("SELECT id FROM users WHERE id = ANY(:ids)")
                .bindArray("ids", UUID.class, ids.stream().map(UserId::value).toList())
                .map((row, ctx) -> new UserId(Rows.uuid(row, "id"))).set());
    }

    @Override
    public Optional<User> byUsername(Username username) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM users WHERE lower(username) = :name")
                .bind("name", username.canonical()).map(JdbiUsers::map).findOne());
    }

    @Override
    public void update(User changed) {
        int updated = write(handle -> handle.createUpdate("UPDATE users SET full_name = :fullName, email = :email,"
                        + " phone_number = :phone, avatar_attachment_id = CAST(:avatar AS uuid), password_hash = :hash,"
                        + " updated_at = :updatedAt, version = :version WHERE id = :id AND version = :version - 1")
                .bind("id", changed.id().value())
                .bind("fullName", changed.fullName() == null ? null : changed.fullName().value())
                .bind("email", changed.email() == null ? null : changed.email().value())
                .bind("phone", changed.phoneNumber() == null ? null : changed.phoneNumber().value())
                .bind("avatar", changed.avatarAttachmentId())
                .bind("hash", changed.passwordHash())
                .bind("updatedAt", changed.updatedAt())
                .bind("version", changed.version())
                .execute());
        if (updated == 0) {
            throw new StaleVersionException("the account");
        }
    }

    @Override
    public boolean delete(UserId id, OptionalLong expectedVersion) {
        return jdbi.withHandle(handle -> VersionCondition.bind(handle.createUpdate("DELETE FROM users WHERE id = :id"
                        + VersionCondition.CONDITION), expectedVersion)
                .bind("id", id.value()).execute()) > 0;
    }

    @Override
    public Page<User> search(Optional<String> query, PageRequest page) {
        String where = query.isPresent() ? " WHERE " + SEARCH_CONDITION : "";
        Map<String, Object> filter = query
                .<Map<String, Object>>map(text -> Map.of("pattern", "%" + Like.escape(text.toLowerCase(Locale.ROOT)) + "%"))
                .orElse(Map.of());
        return jdbi.withHandle(handle -> {
            long total = handle.createQuery("SELECT count(*) FROM users" + where)
                    .bindMap(filter).mapTo(Long.class).one();
            List<User> items = handle.createQuery("SELECT " + COLUMNS + " FROM users" + where
                            + " ORDER BY lower(username), id LIMIT :limit OFFSET :offset")
                    .bindMap(filter)
                    .bind("limit", page.perPage())
                    .bind("offset", page.offset())
                    .map(JdbiUsers::map).list();
            return new Page<>(items, total, page);
        });
    }

    private <T> T write(HandleCallback<T, RuntimeException> statement) {
        try {
            return jdbi.withHandle(statement);
        } catch (UnableToExecuteStatementException e) {
            throw UniqueViolations.conflictFor(e, UNIQUE).orElseThrow(() -> e);
        }
    }

    static User map(ResultSet row, StatementContext context) throws SQLException {
        String fullName = row.getString("full_name");
        String email = row.getString("email");
        String phone = row.getString("phone_number");
        return new User(
                new UserId(row.getObject("id", UUID.class)),
                new Username(row.getString("username")),
                fullName == null ? null : new FullName(fullName),
                email == null ? null : new Email(email),
                phone == null ? null : new PhoneNumber(phone),
                row.getObject("avatar_attachment_id", UUID.class),
                row.getString("password_hash"),
                row.getObject("created_at", OffsetDateTime.class).toInstant(),
                row.getObject("updated_at", OffsetDateTime.class).toInstant(),
                row.getLong("version"));
    }
}
