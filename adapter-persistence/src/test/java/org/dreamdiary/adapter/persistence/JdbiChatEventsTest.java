package org.dreamdiary.adapter.persistence;

import org.dreamdiary.application.port.out.Storage;
import org.dreamdiary.persistence.contract.ChatEventsContract;

/** The {@link ChatEventsContract} on PostgreSQL's NOTIFY; what only it shows is in {@link PostgresChatEventsTest}. */
class JdbiChatEventsTest extends ChatEventsContract {
    @Override
    protected Storage newStorage() {
        return MigratedStorage.create();
    }
}
