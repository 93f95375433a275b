package org.dreamdiary.adapter.persistence;

import java.util.Optional;
import org.dreamdiary.testsupport.TestSchema;
import org.jdbi.v3.core.Jdbi;

/** The adapter's whole storage on a fresh, migrated schema of the test database, content kept in the database. */
final class MigratedStorage {
    private MigratedStorage() {
    }

    static PostgresStorage create() {
        return on(MigratedSchema.create());
    }

    /** The storage on {@code schema}, for a test that also looks at its tables through {@link MigratedSchema#jdbi}. */
    static PostgresStorage on(TestSchema schema) {
        Jdbi jdbi = MigratedSchema.jdbi(schema);
        return PostgresStorage.open(jdbi, schema::connect, Optional.empty());
    }
}
