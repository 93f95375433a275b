package org.dreamdiary.adapter.memory;

import org.dreamdiary.application.port.out.Storage;
import org.dreamdiary.persistence.contract.RequestCountsContract;

class MemoryRequestCountsTest extends RequestCountsContract {
    @Override
    protected Storage newStorage() {
        return new MemoryStorage();
    }
}
