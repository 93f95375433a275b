package org.dreamdiary.adapter.persistence;

import org.dreamdiary.application.port.out.Storage;
import org.dreamdiary.persistence.contract.SessionEventsContract;

/** The {@link SessionEventsContract} on PostgreSQL's NOTIFY; what only it shows is in {@link PostgresChatEventsTest}. */
class JdbiSessionEventsTest extends SessionEventsContract {
    @Override
    protected Storage newStorage() {
        return MigratedStorage.create();
    }
}
