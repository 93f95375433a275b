package org.dreamdiary.adapter.memory;

import org.dreamdiary.application.port.out.Storage;
import org.dreamdiary.persistence.contract.SessionEventsContract;

class MemorySessionEventsTest extends SessionEventsContract {
    @Override
    protected Storage newStorage() {
        return new MemoryStorage();
    }
}
