package org.dreamdiary.application.port.in;

/** Tells operators whether the database answers right now. */
public interface CheckDatabaseHealth {
    DatabaseStatus check();

    /** {@code latencyMillis} is the round trip of the probe; it is meaningless when the database is down. */
    record DatabaseStatus(boolean up, long latencyMillis) {
        public static DatabaseStatus up(long latencyMillis) {
            return new DatabaseStatus(true, latencyMillis);
        }

        public static DatabaseStatus down() {
            return new DatabaseStatus(false, -1);
        }
    }
}
