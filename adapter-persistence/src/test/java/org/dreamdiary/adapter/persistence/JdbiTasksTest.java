package org.dreamdiary.adapter.persistence;

import org.dreamdiary.application.port.out.Storage;
import org.dreamdiary.persistence.contract.TasksContract;

/** The {@link TasksContract} on PostgreSQL, where a goal's positions are unique at every commit. */
class JdbiTasksTest extends TasksContract {
    @Override
    protected Storage newStorage() {
        return MigratedStorage.create();
    }
}
