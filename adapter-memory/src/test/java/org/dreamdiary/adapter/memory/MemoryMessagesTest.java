package org.dreamdiary.adapter.memory;

import org.dreamdiary.application.port.out.Storage;
import org.dreamdiary.persistence.contract.MessagesContract;

class MemoryMessagesTest extends MessagesContract {
    @Override
    protected Storage newStorage() {
        return new MemoryStorage();
    }
}
