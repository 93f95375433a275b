package org.dreamdiary.adapter.memory;

import org.dreamdiary.application.port.out.Storage;
import org.dreamdiary.persistence.contract.AttemptsContract;

class MemoryAttemptsTest extends AttemptsContract {
    @Override
    protected Storage newStorage() {
        return new MemoryStorage();
    }
}
