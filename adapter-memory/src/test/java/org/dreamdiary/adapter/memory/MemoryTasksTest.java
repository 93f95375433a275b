package org.dreamdiary.adapter.memory;

import org.dreamdiary.application.port.out.Storage;
import org.dreamdiary.persistence.contract.TasksContract;

class MemoryTasksTest extends TasksContract {
    @Override
    protected Storage newStorage() {
        return new MemoryStorage();
    }
}
