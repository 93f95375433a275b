package org.dreamdiary.application.service;

import org.dreamdiary.application.port.in.CheckDatabaseHealth;
import org.dreamdiary.application.port.out.DatabaseProbe;

public final class CheckDatabaseHealthService implements CheckDatabaseHealth {
    private final DatabaseProbe probe;

    public CheckDatabaseHealthService(DatabaseProbe probe) {
        this.probe = probe;
    }

    @Override
    public DatabaseStatus check() {
        try {
            return DatabaseStatus.up(probe.roundTripMillis());
        } catch (RuntimeException unreachable) {
            // An unreachable database is the answer this use case exists to give, not a failure of it.
            return DatabaseStatus.down();
        }
    }
}
