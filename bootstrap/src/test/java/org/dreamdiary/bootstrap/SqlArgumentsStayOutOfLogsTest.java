package org.dreamdiary.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dreamdiary.adapter.persistence.StatementMessages;
import org.dreamdiary.testsupport.LogCapture;
import org.dreamdiary.testsupport.TestDatabase;
import org.dreamdiary.testsupport.TestSchema;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An unexpected database failure is logged with its stack trace (as the error responder logs a 500), but the log
 * never carries what the statement was given: no search text, no username, no NUL byte. The database is opened and
 * JDBI set up exactly as the service does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SqlArgumentsStayOutOfLogsTest {
    private static final Logger LOG = LoggerFactory.getLogger(SqlArgumentsStayOutOfLogsTest.class);

    private Database database;
    private Jdbi jdbi;

    @BeforeAll
    void openAsTheServiceDoes(@TempDir Path dataDir) {
        TestSchema schema = TestDatabase.freshSchema();
        database = Database.open(Config.fromEnvironment(Map.of("DATA_DIR", dataDir.toString(),
                "DATABASE_URL", schema.jdbcUrl(), "DATABASE_USER", schema.user(),
                "DATABASE_PASSWORD", schema.password())), new SimpleMeterRegistry());
        jdbi = StatementMessages.withoutArguments(Jdbi.create(database.dataSource()));
        jdbi.useHandle(handle -> handle.execute("CREATE TABLE accounts (username text UNIQUE)"));
    }

    @AfterAll
    void close() {
        database.close();
    }

    @Test
    void givenASearchTextWithANulByte_whenTheStatementFails_thenTheLoggedFailureHoldsNeitherTheTextNorTheNul() {
        String search = "my very private dream\u0000of flying";

        String logged = loggedFailure(() -> jdbi.withHandle(handle -> handle.createQuery(
                "SELECT username FROM accounts WHERE username ILIKE :q").bind("q", search).mapTo(String.class).list()));

        assertThat(logged).contains("SELECT username FROM accounts WHERE username ILIKE")
                .doesNotContain("private dream", "of flying", "\u0000");
    }

    @Test
    void givenATakenUsername_whenInsertedAgain_thenTheLoggedFailureDoesNotQuoteTheServersDetailWithTheValue() {
        jdbi.useHandle(handle -> handle.execute("INSERT INTO accounts VALUES (?)", "ann_the_taken"));

        String logged = loggedFailure(() -> jdbi.useHandle(handle -> handle.createUpdate(
                "INSERT INTO accounts VALUES (:name)").bind("name", "ann_the_taken").execute()));

        assertThat(logged).contains("duplicate key value violates unique constraint").doesNotContain("ann_the_taken");
    }

    @Test
    void givenTheListenersOwnConnection_whenAStatementFails_thenTheServersDetailIsNotQuotedEither() throws Exception {
        try (var connection = database.connectOutsidePool(); var statement = connection.createStatement()) {
            statement.execute("INSERT INTO accounts VALUES ('bob_the_taken')");

            String logged = loggedFailure(() -> statement.execute("INSERT INTO accounts VALUES ('bob_the_taken')"));

            assertThat(logged).contains("duplicate key value").doesNotContain("bob_the_taken");
        }
    }

    /** Runs the failing action and logs its failure as the error responder would; everything that was logged. */
    private static String loggedFailure(ThrowingAction action) {
        try (LogCapture log = LogCapture.of(SqlArgumentsStayOutOfLogsTest.class.getName())) {
            assertThatThrownBy(action::run).satisfies(failure -> LOG.error("unexpected failure", failure));
            List<LogCapture.Line> lines = log.lines();
            assertThat(lines).hasSize(1);
            System.out.println("logged: " + lines.get(0).fullText().lines().limit(3).toList());
            return lines.get(0).fullText();
        }
    }

    @FunctionalInterface
    private interface ThrowingAction {
        void run() throws Exception;
    }
}
