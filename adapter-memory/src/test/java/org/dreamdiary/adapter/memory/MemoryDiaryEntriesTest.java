package org.dreamdiary.adapter.memory;

import org.dreamdiary.application.port.out.Storage;
import org.dreamdiary.persistence.contract.DiaryEntriesContract;

class MemoryDiaryEntriesTest extends DiaryEntriesContract {
    @Override
    protected Storage newStorage() {
        return new MemoryStorage();
    }
}
