package org.dreamdiary.adapter.memory;

import org.dreamdiary.application.port.out.Storage;
import org.dreamdiary.persistence.contract.DreamsContract;

class MemoryDreamsTest extends DreamsContract {
    @Override
    protected Storage newStorage() {
        return new MemoryStorage();
    }
}
