package org.dreamdiary.adapter.memory;

import org.dreamdiary.application.port.out.Storage;
import org.dreamdiary.persistence.contract.IdempotencyRecordsContract;

class MemoryIdempotencyRecordsTest extends IdempotencyRecordsContract {
    @Override
    protected Storage newStorage() {
        return new MemoryStorage();
    }
}
