package org.dreamdiary.adapter.memory;

import org.dreamdiary.application.port.out.Storage;
import org.dreamdiary.persistence.contract.TransactionsContract;

class MemoryTransactionsTest extends TransactionsContract {
    @Override
    protected Storage newStorage() {
        return new MemoryStorage();
    }
}
