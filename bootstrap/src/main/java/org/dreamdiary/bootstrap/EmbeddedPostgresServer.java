package org.dreamdiary.bootstrap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import org.dreamdiary.bootstrap.Config.ExternalDatabase;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL the service brings along when no {@code DATABASE_URL} is set, with its data in
 * {@code DATA_DIR/postgres}. It keeps what it acknowledged ({@code fsync}, {@code synchronous_commit}), listens
 * on the loopback interface only (no Unix socket), and lets no one in without the password generated once into
 * {@code DATA_DIR/postgres-password}.
 */
final class EmbeddedPostgresServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    static final String PASSWORD_FILE = "postgres-password";
    static final String DIRECTORY = "postgres";
    private static final String SUPERUSER = "postgres";
    private static final String PASSWORD_AUTHENTICATION = "scram-sha-256";
    /** Crash recovery after a kill under load can take longer than the library's 10 s. */
    private static final Duration STARTUP_PATIENCE = Duration.ofSeconds(60);
    /** What a data directory made by an older version gets once its superuser has a password. */
    private static final String PASSWORD_ONLY_HBA = """
            # Written by Dream Diary: every connection needs the password in ../postgres-password.
            # TYPE  DATABASE        USER            ADDRESS                 METHOD
            local   all             all                                     scram-sha-256
            host    all             all             127.0.0.1/32            scram-sha-256
            host    all             all             ::1/128                 scram-sha-256
            local   replication     all                                     scram-sha-256
            host    replication     all             127.0.0.1/32            scram-sha-256
            host    replication     all             ::1/128                 scram-sha-256
            """;

    private final EmbeddedPostgres postgres;
    private final ExternalDatabase connection;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, ExternalDatabase connection) {
        this.postgres = postgres;
        this.connection = connection;
    }

    static EmbeddedPostgresServer start(Path dataDir) {
        Path directory = dataDir.resolve(DIRECTORY);
        Path passwordFile = dataDir.resolve(PASSWORD_FILE);
        Path hba = directory.resolve("pg_hba.conf");
        EmbeddedPostgresServer server;
        boolean trustsAnyone;
        try {
            trustsAnyone = Files.exists(hba) && trustsAnyone(Files.readString(hba, StandardCharsets.UTF_8));
            if (Files.exists(hba) && !trustsAnyone && !Files.exists(passwordFile)) {
                throw new IllegalStateException(passwordFile + " is missing: the embedded PostgreSQL in " + directory
                        + " cannot be reached without the password it was created with");
            }
            String password = PrivateFiles.secret(passwordFile);
            LOG.info("starting the embedded PostgreSQL with its data in {}", directory);
            EmbeddedPostgres postgres = launch(directory, passwordFile, password);
            server = new EmbeddedPostgresServer(postgres,
                    new ExternalDatabase(postgres.getJdbcUrl(SUPERUSER, "postgres"), SUPERUSER, password));
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded PostgreSQL did not start in " + directory, e);
        }
        if (trustsAnyone) {
            try {
                server.requirePassword(hba, passwordFile);
            } catch (SQLException | IOException | RuntimeException e) {
                server.close();
                throw new IllegalStateException("the embedded PostgreSQL in " + directory + " could not be given a password", e);
            }
        }
        return server;
    }

    private static EmbeddedPostgres launch(Path directory, Path passwordFile, String password) throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(STARTUP_PATIENCE)
                // The library starts PostgreSQL with fsync (-F) and synchronous_commit off, trading every
                // acknowledged write a crash may hit for speed; these settings, given after its own, win.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("unix_socket_directories", "")
                .setServerConfig("password_encryption", PASSWORD_AUTHENTICATION)
                // The library hands these to initdb as --auth=… --pwfile=…, after its own "-A trust", so a new
                // cluster requires the password from its first moment.
                .setLocaleConfig("auth", PASSWORD_AUTHENTICATION)
                .setLocaleConfig("pwfile", passwordFile.toString())
                // and the library's own readiness check logs in with it
                .setConnectConfig("password", password)
                .start();
    }

    /** How the service connects: URL, user and password. */
    ExternalDatabase connection() {
        return connection;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("the embedded PostgreSQL did not stop cleanly", e);
        }
    }

    /**
     * A data directory made by an older version trusts every local connection. Its superuser gets the password
     * first, then the rules change: a crash in between leaves it trusting, and the next start does it again.
     */
    private void requirePassword(Path hba, Path passwordFile) throws SQLException, IOException {
        try (Connection admin = DriverManager.getConnection(connection.jdbcUrl(), connection.user(), connection.password())) {
            // the verifier is computed here, so the password itself never reaches the server or its log
            admin.unwrap(PGConnection.class)
                    .alterUserPassword(SUPERUSER, connection.password().toCharArray(), PASSWORD_AUTHENTICATION);
            PrivateFiles.replace(hba, PASSWORD_ONLY_HBA);
            try (Statement statement = admin.createStatement()) {
                statement.execute("SELECT pg_reload_conf()");
            }
        }
        LOG.info("the embedded PostgreSQL trusted every local connection; it now requires the password in {}",
                passwordFile);
    }

    /** Whether any rule of a {@code pg_hba.conf} lets a connection in without a password. */
    static boolean trustsAnyone(String hba) {
        return hba.lines()
                .map(line -> line.replaceFirst("#.*", "").strip())
                .filter(rule -> !rule.isEmpty())
                .anyMatch(rule -> Arrays.asList(rule.split("\\s+")).contains("trust"));
    }
}
