package org.dreamdiary.adapter.memory;

import org.dreamdiary.application.port.out.Storage;
import org.dreamdiary.persistence.contract.UsersContract;

class MemoryUsersTest extends UsersContract {
    @Override
    protected Storage newStorage() {
        return new MemoryStorage();
    }
}
