package org.dreamdiary.adapter.memory;

import org.dreamdiary.application.port.out.Storage;
import org.dreamdiary.persistence.contract.BlobStoreContract;

class MemoryBlobStoreTest extends BlobStoreContract {
    @Override
    protected Storage newStorage() {
        return new MemoryStorage();
    }
}
