package org.dreamdiary.adapter.memory;

import org.dreamdiary.application.port.out.Storage;
import org.dreamdiary.persistence.contract.SessionsContract;

class MemorySessionsTest extends SessionsContract {
    @Override
    protected Storage newStorage() {
        return new MemoryStorage();
    }
}
