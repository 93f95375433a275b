package org.dreamdiary.adapter.persistence;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.dreamdiary.application.idempotency.IdempotencyKey;
import org.dreamdiary.application.idempotency.RecordedResponse;
import org.dreamdiary.application.port.out.idempotency.IdempotencyRecords;
import org.dreamdiary.domain.user.UserId;
import org.jdbi.v3.core.Jdbi;

/**
 * Idempotency records in {@code idempotency_keys}. The lock of a key is a transaction-scoped PostgreSQL advisory
 * lock on a 64-bit hash of the user and the key, so it holds across nodes and goes away with the transaction
 * (committed or not). Two keys sharing a hash would only make one of them wait its turn ({@code 409}).
 */
public final class JdbiIdempotencyRecords implements IdempotencyRecords {
    private static final String HEADER_SEPARATOR = ": ";

    private final Jdbi jdbi;

    public JdbiIdempotencyRecords(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public boolean tryLock(UserId owner, IdempotencyKey key) {
        // a user id has a fixed length, so no two (user, key) pairs give the same text
        return jdbi.withHandle(handle -> handle.createQuery("SELECT pg_try_advisory_xact_lock(hashtextextended(:lock, 0))")
                .bind("lock", "idempotency:" + owner.value() + ":" + key.value())
                .mapTo(Boolean.class).one());
    }

    @Override
    public Optional<IdempotencyRecord> find(UserId owner, IdempotencyKey key, Instant notBefore) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT request_hash, status, headers, body, created_at"
                        + " FROM idempotency_keys WHERE user_id = :owner AND key = :key AND created_at >= :notBefore")
                .bind("owner", owner.value()).bind("key", key.value()).bind("notBefore", notBefore)
                .map((row, ctx) -> new IdempotencyRecord(row.getBytes("request_hash"),
                        new RecordedResponse(row.getInt("status"), headers(row.getArray("headers")), row.getBytes("body")),
                        Rows.instant(row, "created_at")))
                .findOne());
    }

    @Override
    public void save(UserId owner, IdempotencyKey key, IdempotencyRecord record) {
        RecordedResponse response = record.response();
        jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO idempotency_keys"
                        + " (user_id, key, request_hash, status, headers, body, created_at)"
                        + " VALUES (:owner, :key, :hash, :status, :headers, :body, :createdAt)"
                        + " ON CONFLICT (user_id, key) DO UPDATE SET request_hash = excluded.request_hash,"
                        + " status = excluded.status, headers = excluded.headers, body = excluded.body,"
                        + " created_at = excluded.created_at")
                .bind("owner", owner.value()).bind("key", key.value()).bind("hash", record.requestHash())
                .bind("status", response.status())
                .bind("headers", response.headers().entrySet().stream()
                        .map(header -> header.getKey() + HEADER_SEPARATOR + header.getValue()).toArray(String[]::new))
                .bind("body", response.body()).bind("createdAt", record.createdAt())
                .execute());
    }

    @Override
    public int deleteMadeBefore(Instant before, int max) {
        return jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM idempotency_keys WHERE (user_id, key) IN"
                        + " (SELECT user_id, key FROM idempotency_keys WHERE created_at < :before LIMIT :max)")
                .bind("before", before).bind("max", max).execute());
    }

    private static Map<String, String> headers(Array column) throws SQLException {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : (String[]) column.getArray()) {
            int separator = line.indexOf(HEADER_SEPARATOR);
            headers.put(line.substring(0, separator), line.substring(separator + HEADER_SEPARATOR.length()));
        }
        return headers;
    }
}
