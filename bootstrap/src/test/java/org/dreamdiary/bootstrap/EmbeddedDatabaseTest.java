package org.dreamdiary.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With no DATABASE_URL the service brings its own PostgreSQL, whose data survives a restart. */
class EmbeddedDatabaseTest {
    @TempDir
    Path dataDir;

    @Test
    void givenNoDatabaseUrl_whenRestarted_thenEveryRowIsStillThere() throws Exception {
        Config config = Config.fromEnvironment(Map.of("DATA_DIR", dataDir.toString()));

        try (Database first = Database.open(config, new SimpleMeterRegistry());
             Connection connection = first.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE kept (note text)");
            statement.execute("INSERT INTO kept VALUES ('written before the restart')");
        }
        assertThat(Files.isDirectory(dataDir.resolve("postgres"))).isTrue();

        try (Database second = Database.open(config, new SimpleMeterRegistry());
             Connection connection = second.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT note FROM kept")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("written before the restart");
        }
    }
}
