package org.dreamdiary.adapter.memory;

import org.dreamdiary.application.port.out.Storage;
import org.dreamdiary.persistence.contract.GoalsContract;

class MemoryGoalsTest extends GoalsContract {
    @Override
    protected Storage newStorage() {
        return new MemoryStorage();
    }
}
