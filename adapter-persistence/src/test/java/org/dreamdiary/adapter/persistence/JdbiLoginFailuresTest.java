package org.dreamdiary.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.dreamdiary.application.port.out.user.LoginFailures;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** The {@link LoginFailuresContract} on PostgreSQL, and that the table does not grow without bound. */
class JdbiLoginFailuresTest extends LoginFailuresContract {
    private final Jdbi jdbi = MigratedSchema.jdbi(MigratedSchema.create());

    @Override
    protected LoginFailures store() {
        return new JdbiLoginFailures(jdbi);
    }

    @Test
    void givenOldFailuresOfOtherUsers_whenAFailureIsRecorded_thenNoRowOlderThanTheHorizonIsLeftAtAll() {
        Instant now = Instant.parse("2026-12-01T08:00:00Z");
        Instant horizon = now.minus(Duration.ofMinutes(15));
        failures.record(TestUsers.unique("someone"), "192.0.2.1", horizon.minusSeconds(1), Instant.EPOCH);
        failures.record(TestUsers.unique("another"), "192.0.2.2", horizon.minus(Duration.ofDays(3)), Instant.EPOCH);
        assertThat(rowsBefore(horizon)).isGreaterThanOrEqualTo(4);

        failures.record(TestUsers.unique("latest"), "192.0.2.3", now, horizon);

        assertThat(rowsBefore(horizon)).isZero();
    }

    private long rowsBefore(Instant horizon) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT count(*) FROM login_failures WHERE failed_at < :horizon")
                .bind("horizon", horizon).mapTo(Long.class).one());
    }
}
