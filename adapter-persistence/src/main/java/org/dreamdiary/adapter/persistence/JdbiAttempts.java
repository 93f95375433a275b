package org.dreamdiary.adapter.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import org.dreamdiary.application.port.out.user.Attempts;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * One row per key with the times of its attempts in the window, oldest first, so that the last is the latest even
 * when the clocks of two nodes disagree. Counting and recording are one upsert: it locks the key's row, and
 * PostgreSQL evaluates the limit on the row's latest committed version (also under READ COMMITTED, the default), so
 * concurrent attempts for one key queue on the row and each sees the ones before it.
 */
public final class JdbiAttempts implements Attempts {
    private final Jdbi jdbi;

    public JdbiAttempts(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<Instant> reserve(Quota quota, Instant now) {
        Instant since = now.minus(quota.window());
        return jdbi.withHandle(handle -> {
            // A key that is full already is refused by a plain read, without queueing on its row's lock: under a
            // storm of attempts at one key, only those that may still fit wait for the row.
            Optional<Instant> full = freeAt(handle, quota, since, true);
            if (full.isPresent()) {
                return full;
            }
            boolean recorded = handle.createQuery("INSERT INTO attempts AS t (scope, key, attempts)"
                            + " VALUES (:scope, :key, ARRAY[CAST(:now AS timestamptz)])"
                            + " ON CONFLICT (scope, key) DO UPDATE"
                            + " SET attempts = ARRAY(SELECT a FROM unnest(t.attempts || CAST(:now AS timestamptz)) AS a"
                            + " WHERE a > :since ORDER BY a)"
                            + " WHERE (SELECT count(*) FROM unnest(t.attempts) AS a WHERE a > :since) < :limit"
                            + " RETURNING 1")
                    .bind("scope", name(quota.scope())).bind("key", quota.key()).bind("now", now).bind("since", since)
                    .bind("limit", quota.limit())
                    .mapTo(Integer.class).findOne().isPresent();
            if (recorded) {
                return Optional.<Instant>empty();
            }
            // Refused: a new statement sees the attempts that filled the window, and when the oldest leaves it.
            return Optional.of(freeAt(handle, quota, since, false).orElse(now.plus(quota.window())));
        });
    }

    /** When the oldest attempt in the window leaves it; only when the key is full, if {@code onlyIfFull}. */
    private static Optional<Instant> freeAt(Handle handle, Quota quota, Instant since, boolean onlyIfFull) {
        return handle.createQuery("SELECT min(a) FROM attempts, unnest(attempts) AS a"
                        + " WHERE scope = :scope AND key = :key AND a > :since HAVING count(*) >= :atLeast")
                .bind("scope", name(quota.scope())).bind("key", quota.key()).bind("since", since)
                .bind("atLeast", onlyIfFull ? quota.limit() : 1)
                .mapTo(OffsetDateTime.class).findOne().map(oldest -> oldest.toInstant().plus(quota.window()));
    }

    @Override
    public void release(Scope scope, String key, Instant at) {
        // Removes one entry equal to `at` (another attempt may share the millisecond and must stay).
        jdbi.useHandle(handle -> handle.createUpdate("UPDATE attempts SET attempts ="
                        + " attempts[1 : array_position(attempts, CAST(:at AS timestamptz)) - 1]"
                        + " || attempts[array_position(attempts, CAST(:at AS timestamptz)) + 1 : cardinality(attempts)]"
                        + " WHERE scope = :scope AND key = :key AND CAST(:at AS timestamptz) = ANY (attempts)")
                .bind("scope", name(scope)).bind("key", key).bind("at", at).execute());
    }

    @Override
    public void clear(Scope scope, String key) {
        jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM attempts WHERE scope = :scope AND key = :key")
                .bind("scope", name(scope)).bind("key", key).execute());
    }

    @Override
    public int forgetOlderThan(Instant horizon, int max) {
        return jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM attempts WHERE (scope, key) IN"
                        + " (SELECT scope, key FROM attempts WHERE attempts[cardinality(attempts)] < :horizon"
                        + " OR cardinality(attempts) = 0 LIMIT :max)")
                .bind("horizon", horizon).bind("max", max).execute());
    }

    private static String name(Scope scope) {
        return scope.name().toLowerCase(Locale.ROOT);
    }
}
