package org.dreamdiary.adapter.memory;

import org.dreamdiary.application.port.out.Storage;
import org.dreamdiary.persistence.contract.ChatsContract;

class MemoryChatsTest extends ChatsContract {
    @Override
    protected Storage newStorage() {
        return new MemoryStorage();
    }
}
