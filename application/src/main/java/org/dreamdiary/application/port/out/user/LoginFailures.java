package org.dreamdiary.application.port.out.user;

import java.time.Instant;
import java.util.Optional;

/** Failed logins, counted in the shared database so every node sees the same numbers. */
public interface LoginFailures {
    /** Failures for {@code key} in {@code scope} since {@code since}: how many, and the oldest of them. */
    Window since(Scope scope, String key, Instant since);

    void record(String usernameKey, String clientIp, Instant at, Instant forgetBefore);

    void clear(String usernameKey);

    enum Scope { USERNAME, IP }

    record Window(int count, Optional<Instant> oldest) {
    }
}
