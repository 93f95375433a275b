package org.dreamdiary.adapter.memory;

import org.dreamdiary.application.port.out.Storage;
import org.dreamdiary.persistence.contract.ChatEventsContract;

class MemoryChatEventsTest extends ChatEventsContract {
    @Override
    protected Storage newStorage() {
        return new MemoryStorage();
    }
}
