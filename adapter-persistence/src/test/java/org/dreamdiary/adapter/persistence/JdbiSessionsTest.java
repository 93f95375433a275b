package org.dreamdiary.adapter.persistence;

import org.jdbi.v3.core.Jdbi;

/** The {@link SessionsContract} on PostgreSQL. */
class JdbiSessionsTest extends SessionsContract {
    @Override
    protected Store store() {
        Jdbi jdbi = MigratedSchema.jdbi(MigratedSchema.create());
        return new Store(new JdbiSessions(jdbi), new JdbiUsers(jdbi));
    }
}
