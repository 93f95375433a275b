package org.dreamdiary.adapter.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import org.dreamdiary.application.port.out.user.LoginFailures;
import org.jdbi.v3.core.Jdbi;

public final class JdbiLoginFailures implements LoginFailures {
    private final Jdbi jdbi;

    public JdbiLoginFailures(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Window since(Scope scope, String key, Instant since) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT count(*) AS failures, min(failed_at) AS oldest"
                        + " FROM login_failures WHERE scope = :scope AND key = :key AND failed_at > :since")
                .bind("scope", name(scope)).bind("key", key).bind("since", since)
                .map((row, ctx) -> new Window(row.getInt("failures"),
                        Optional.ofNullable(row.getObject("oldest", OffsetDateTime.class)).map(OffsetDateTime::toInstant)))
                .one());
    }

    @Override
    public void record(String usernameKey, String clientIp, Instant at, Instant forgetBefore) {
        // several statements: atomic on their own, and part of the caller's transaction when there is one
        jdbi.useTransaction(handle -> {
            handle.createUpdate("INSERT INTO login_failures (scope, key, failed_at) VALUES ('username', :user, :at), ('ip', :ip, :at)")
                    .bind("user", usernameKey).bind("ip", clientIp).bind("at", at).execute();
            // Failures older than the window count for nothing any more; keep the table small.
            handle.createUpdate("DELETE FROM login_failures WHERE failed_at < :before").bind("before", forgetBefore).execute();
        });
    }

    @Override
    public void clear(String usernameKey) {
        jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM login_failures WHERE scope = 'username' AND key = :user")
                .bind("user", usernameKey).execute());
    }

    private static String name(Scope scope) {
        return scope.name().toLowerCase(Locale.ROOT);
    }
}
