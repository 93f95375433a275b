package org.dreamdiary.adapter.persistence;

import java.util.concurrent.TimeUnit;
import org.dreamdiary.application.port.out.DatabaseProbe;
import org.jdbi.v3.core.Jdbi;

/** Round-trips {@code SELECT 1} through the pool, so a broken pool shows as well as a broken server. */
public final class JdbiDatabaseProbe implements DatabaseProbe {
    private final Jdbi jdbi;

    public JdbiDatabaseProbe(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public long roundTripMillis() {
        long started = System.nanoTime();
        jdbi.withHandle(handle -> handle.createQuery("SELECT 1").mapTo(Integer.class).one());
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }
}
