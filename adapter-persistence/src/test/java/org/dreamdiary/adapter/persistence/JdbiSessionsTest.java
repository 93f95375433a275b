package org.dreamdiary.adapter.persistence;

import org.dreamdiary.application.port.out.Storage;
import org.dreamdiary.persistence.contract.SessionsContract;

/** The {@link SessionsContract} on PostgreSQL. */
class JdbiSessionsTest extends SessionsContract {
    @Override
    protected Storage newStorage() {
        return MigratedStorage.create();
    }
}
