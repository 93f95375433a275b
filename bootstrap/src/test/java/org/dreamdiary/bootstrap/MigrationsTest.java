package org.dreamdiary.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dreamdiary.testsupport.TestDatabase;
import org.dreamdiary.testsupport.TestSchema;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/** Flyway owns the schema, and the service refuses to run on a schema it does not know. */
class MigrationsTest {
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__.+\\.sql");

    @Test
    void expectedVersionIsTheHighestMigrationOfTheMigrationsModule() throws IOException {
        MigrationVersion highest;
        try (Stream<Path> files = Files.list(Path.of("..", "migrations", "src", "main", "resources", "db", "migration"))) {
            highest = files.map(file -> VERSIONED.matcher(file.getFileName().toString()))
                    .filter(Matcher::matches)
                    .map(match -> MigrationVersion.fromVersion(match.group(1).replace('_', '.')))
                    .max(MigrationVersion::compareTo)
                    .orElseThrow();
        }
        assertThat(Migrations.EXPECTED_VERSION).isEqualTo(highest);
    }

    @Test
    void givenEmptySchema_whenMigrating_thenItReachesTheExpectedVersion() throws SQLException {
        TestSchema schema = TestDatabase.freshSchema();
        Migrations.migrate(dataSource(schema));
        try (Connection connection = schema.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank DESC LIMIT 1")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo(Migrations.EXPECTED_VERSION.getVersion());
        }
    }

    @Test
    void givenSchemaAtTheExpectedVersion_whenStartingAgain_thenNothingIsAppliedAndMigrationAccepts() throws SQLException {
        TestSchema schema = TestDatabase.freshSchema();
        Migrations.migrate(dataSource(schema));
        assertThatCode(() -> Migrations.migrate(dataSource(schema))).doesNotThrowAnyException();
        try (Connection connection = schema.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM flyway_schema_history WHERE version = '"
                     + Migrations.EXPECTED_VERSION.getVersion() + "'")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).as("the last migration is applied once").isEqualTo(1);
        }
    }

    @Test
    void givenSchemaMigratedByANewerBuild_whenStarting_thenMigrationRefuses() throws SQLException {
        TestSchema schema = TestDatabase.freshSchema();
        Migrations.migrate(dataSource(schema));
        recordMigrationOfANewerBuild(schema);
        assertThatThrownBy(() -> Migrations.migrate(dataSource(schema)))
                .hasMessageContaining("999");
    }

    /** The service migrates while it wires the rest; a refusal still stops its start, as the migration threw it. */
    @Test
    void givenSchemaMigratedByANewerBuild_whenTheServiceStarts_thenItsStartFailsWithTheRefusal(@TempDir Path dataDir)
            throws SQLException {
        TestSchema schema = TestDatabase.freshSchema();
        Migrations.migrate(dataSource(schema));
        recordMigrationOfANewerBuild(schema);
        Config config = Config.fromEnvironment(Map.of("PORT", "0", "DATA_DIR", dataDir.toString(),
                "DATABASE_URL", schema.jdbcUrl(), "DATABASE_USER", schema.user(),
                "DATABASE_PASSWORD", schema.password()));

        assertThatThrownBy(() -> Application.start(config).close())
                .isNotInstanceOf(CompletionException.class).hasMessageContaining("999");
    }

    private static void recordMigrationOfANewerBuild(TestSchema schema) throws SQLException {
        try (Connection connection = schema.connect(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
                    + " installed_by, execution_time, success) VALUES (999, '999', 'from the future', 'SQL',"
                    + " 'V999__from_the_future.sql', 0, current_user, 0, true)");
        }
    }

    private static PGSimpleDataSource dataSource(TestSchema schema) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(schema.jdbcUrl());
        dataSource.setUser(schema.user());
        dataSource.setPassword(schema.password());
        return dataSource;
    }
}
