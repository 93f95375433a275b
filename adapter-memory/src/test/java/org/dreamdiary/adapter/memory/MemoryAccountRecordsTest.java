package org.dreamdiary.adapter.memory;

import org.dreamdiary.application.port.out.Storage;
import org.dreamdiary.persistence.contract.AccountRecordsContract;

class MemoryAccountRecordsTest extends AccountRecordsContract {
    @Override
    protected Storage newStorage() {
        return new MemoryStorage();
    }
}
