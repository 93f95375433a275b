package org.dreamdiary.persistence.contract;

import org.dreamdiary.application.port.out.Storage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The base of every contract of the kit: each test class gets a new, empty store of the adapter under test,
 * opened before its first test and closed after its last. The tests of a class share the store and stay apart by
 * giving what they write fresh ids and names, so nothing needs cleaning up between them.
 *
 * <p>An adapter runs a contract with a subclass that says how its store is made:
 * <pre>{@code
 * class MyDreamsTest extends DreamsContract {
 *     protected Storage newStorage() {
 *         return MyStorage.empty();
 *     }
 * }
 * }</pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class StorageContract {
    protected Storage storage;

    /** A new store holding nothing, every port of it over the same data. */
    protected abstract Storage newStorage();

    @BeforeAll
    final void openStorage() {
        storage = newStorage();
    }

    @AfterAll
    final void closeStorage() {
        storage.close();
    }
}
