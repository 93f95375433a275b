package org.dreamdiary.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.dreamdiary.bootstrap.Config.ExternalDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With no DATABASE_URL the service brings its own PostgreSQL: its data survives a restart and a crash, and only
 * the service gets in.
 */
class EmbeddedDatabaseTest {
    @TempDir
    static Path sharedDataDir;
    private static EmbeddedPostgresServer shared;

    @TempDir
    Path dataDir;

    @BeforeAll
    static void startTheSharedServer() {
        shared = EmbeddedPostgresServer.start(sharedDataDir);
    }

    @AfterAll
    static void stopTheSharedServer() {
        shared.close();
    }

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

        try (Database second = Database.open(config, new SimpleMeterRegistry())) {
            assertThat(singleValue(second.connectOutsidePool(), "SELECT note FROM kept")).isEqualTo("written before the restart");
        }
    }

    @Test
    void givenTheEmbeddedServer_whenAskedForItsSettings_thenEveryCommitReachesTheDiskBeforeItIsAcknowledged() throws Exception {
        assertThat(setting("fsync")).isEqualTo("on");
        assertThat(setting("synchronous_commit")).isEqualTo("on");
        assertThat(setting("full_page_writes")).isEqualTo("on");
    }

    @Test
    void givenTheEmbeddedServer_whenAskedWhereItListens_thenOnlyOnLoopbackAndOnNoUnixSocket() throws Exception {
        assertThat(setting("listen_addresses")).isEqualTo("localhost");
        assertThat(setting("unix_socket_directories")).isEmpty();
    }

    @Test
    void givenNoPasswordOrAWrongOne_whenConnecting_thenTheEmbeddedServerRefuses() {
        String url = shared.connection().jdbcUrl();

        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "").close())
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "not-the-password").close())
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28P01"));
    }

    @Test
    void givenTheEmbeddedServer_whenItsFilesAreRead_thenThePasswordIsTheOwnersAloneAndNoRuleTrustsAnyone() throws Exception {
        Path passwordFile = sharedDataDir.resolve(EmbeddedPostgresServer.PASSWORD_FILE);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
        assertThat(Files.readString(passwordFile, StandardCharsets.UTF_8)).isEqualTo(shared.connection().password()).hasSize(64);
        String hba = Files.readString(sharedDataDir.resolve("postgres/pg_hba.conf"), StandardCharsets.UTF_8);
        assertThat(EmbeddedPostgresServer.trustsAnyone(hba)).as(hba).isFalse();
        assertThat(singleValue(connect(shared.connection()),
                "SELECT count(*) FROM pg_hba_file_rules WHERE auth_method <> 'scram-sha-256' OR error IS NOT NULL"))
                .isEqualTo("0");
    }

    @Test
    void givenADataDirectoryOfAnOlderVersionThatTrustsEveryone_whenStarted_thenItKeepsItsRowsAndRequiresThePassword() throws Exception {
        try (EmbeddedPostgres older = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("postgres"))
                .setCleanDataDirectory(false).setRegisterShutdownHook(false).start();
             Connection connection = older.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE kept (note text)");
            statement.execute("INSERT INTO kept VALUES ('written while everyone was trusted')");
        }
        assertThat(EmbeddedPostgresServer.trustsAnyone(Files.readString(dataDir.resolve("postgres/pg_hba.conf")))).isTrue();

        try (EmbeddedPostgresServer upgraded = EmbeddedPostgresServer.start(dataDir)) {
            assertThat(singleValue(connect(upgraded.connection()), "SELECT note FROM kept"))
                    .isEqualTo("written while everyone was trusted");
            assertThat(EmbeddedPostgresServer.trustsAnyone(Files.readString(dataDir.resolve("postgres/pg_hba.conf")))).isFalse();
            assertThatThrownBy(() -> DriverManager.getConnection(upgraded.connection().jdbcUrl(), "postgres", "").close())
                    .isInstanceOf(SQLException.class);
        }
        try (EmbeddedPostgresServer restarted = EmbeddedPostgresServer.start(dataDir)) {
            assertThat(singleValue(connect(restarted.connection()), "SELECT count(*) FROM kept")).isEqualTo("1");
        }
    }

    @Test
    void givenAPasswordProtectedDataDirectoryWithoutItsPasswordFile_whenStarted_thenItSaysWhichFileIsMissing() throws Exception {
        Files.createDirectories(dataDir.resolve("postgres"));
        Files.writeString(dataDir.resolve("postgres/pg_hba.conf"), "host all all 127.0.0.1/32 scram-sha-256\n");

        assertThatThrownBy(() -> EmbeddedPostgresServer.start(dataDir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith(dataDir.resolve(EmbeddedPostgresServer.PASSWORD_FILE) + " is missing");
        assertThat(dataDir.resolve(EmbeddedPostgresServer.PASSWORD_FILE)).doesNotExist();
    }

    @Test
    void givenRulesWithAndWithoutTrust_whenChecked_thenOnlyARuleThatTrustsCounts() {
        assertThat(EmbeddedPostgresServer.trustsAnyone("host all all 127.0.0.1/32 trust\n")).isTrue();
        assertThat(EmbeddedPostgresServer.trustsAnyone("local\tall\tall\ttrust # the old default\n")).isTrue();
        assertThat(EmbeddedPostgresServer.trustsAnyone("# host all all 127.0.0.1/32 trust\nhost all all ::1/128 scram-sha-256\n")).isFalse();
    }

    private static String setting(String name) throws SQLException {
        return singleValue(connect(shared.connection()), "SHOW " + name);
    }

    private static Connection connect(ExternalDatabase database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
    }

    /** Runs a query that answers one value, and closes the connection. */
    private static String singleValue(Connection connection, String sql) throws SQLException {
        try (connection; Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).as(sql).isTrue();
            return rows.getString(1);
        }
    }
}
