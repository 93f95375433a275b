package org.dreamdiary.adapter.memory;

import org.dreamdiary.application.port.out.Storage;
import org.dreamdiary.persistence.contract.AttachmentsContract;

class MemoryAttachmentsTest extends AttachmentsContract {
    @Override
    protected Storage newStorage() {
        return new MemoryStorage();
    }
}
