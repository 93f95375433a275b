package org.dreamdiary.bootstrap;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema to the version this build expects, and refuses to run on any other: a build that
 * found no migrations (Flyway then reports success) or a database migrated by a newer build both stop here.
 */
final class Migrations {
    /** The highest migration in the migrations module; a test keeps the two in step. */
    static final MigrationVersion EXPECTED_VERSION = MigrationVersion.fromVersion("7");

    private Migrations() {
    }

    static void migrate(DataSource dataSource) {
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                // A migration applied by a newer build must stop this one, not be skipped.
                .ignoreMigrationPatterns("")
                .load();
        // the result tells the version reached; asking Flyway's info for it would scan and query all over again
        MigrateResult result = flyway.migrate();
        String reached = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        MigrationVersion actual = reached == null ? MigrationVersion.EMPTY : MigrationVersion.fromVersion(reached);
        if (!EXPECTED_VERSION.equals(actual)) {
            throw new IllegalStateException("the database schema is at version " + actual + " but this build needs "
                    + EXPECTED_VERSION + "; refusing to start");
        }
    }
}
