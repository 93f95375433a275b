package org.dreamdiary.adapter.persistence;

import org.dreamdiary.application.port.out.Storage;
import org.dreamdiary.persistence.contract.RequestCountsContract;

/** The {@link RequestCountsContract} on PostgreSQL. */
class JdbiRequestCountsTest extends RequestCountsContract {
    @Override
    protected Storage newStorage() {
        return MigratedStorage.create();
    }
}
