package org.dreamdiary.application.port.out;

import org.dreamdiary.application.port.in.CheckDatabaseHealth.DatabaseStatus;

/** Asks the database a trivial question to learn whether it answers, and how fast. */
public interface DatabaseProbe {
    DatabaseStatus probe();
}
