package org.dreamdiary.adapter.persistence;

import org.dreamdiary.application.port.out.Storage;
import org.dreamdiary.persistence.contract.DiaryEntriesContract;

/** The {@link DiaryEntriesContract} on PostgreSQL. */
class JdbiDiaryEntriesTest extends DiaryEntriesContract {
    @Override
    protected Storage newStorage() {
        return MigratedStorage.create();
    }
}
