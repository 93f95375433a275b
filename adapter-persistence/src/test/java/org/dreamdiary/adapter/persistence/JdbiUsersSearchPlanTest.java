package org.dreamdiary.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.domain.user.User;
import org.dreamdiary.testsupport.TestSchema;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The user search on a table of 20,000 accounts: PostgreSQL answers it from the trigram index {@code users_search}
 * rather than by reading every row. The plans are those of the very statements the adapter sends, caught on their
 * way out, so a change to the SQL that stops matching the index expression fails here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbiUsersSearchPlanTest {
    private static final int ACCOUNTS = 20_000;

    private Jdbi jdbi;
    private final StatementCounter sent = new StatementCounter();
    private JdbiUsers users;

    @BeforeAll
    void fillTheTable() {
        TestSchema schema = MigratedSchema.create();
        jdbi = MigratedSchema.jdbi(schema);
        jdbi.useHandle(handle -> {
            handle.createUpdate("INSERT INTO users (id, username, full_name, password_hash, created_at, updated_at)"
                            + " SELECT gen_random_uuid(), 'user' || i, 'Person ' || md5(i::text), 'hash', now(), now()"
                            + " FROM generate_series(1, :accounts) AS i")
                    .bind("accounts", ACCOUNTS).execute();
            // VACUUM, not ANALYZE alone: a GIN index first collects new entries in its pending list, which only
            // (auto)vacuum merges into the index proper. Right after this bulk insert about 440 pages are pending,
            // every search would have to read them all, and with ANALYZE alone the planner rightly costs the index
            // scan at ~1,940 against ~730 for reading the table: it picks a sequential scan. A live table is in the
            // state autovacuum leaves it, so that is the state whose plan this test checks.
            handle.execute("VACUUM ANALYZE users");
        });
        Jdbi watched = MigratedSchema.jdbi(schema);
        watched.setSqlLogger(sent);
        users = new JdbiUsers(watched);
    }

    @Test
    void givenTwentyThousandAccounts_whenSearchingForAUsernameFragment_thenBothStatementsUseTheTrigramIndex() {
        sent.reset();
        Page<User> page = users.search(Optional.of("USER1234"), PageRequest.first());
        List<String> statements = sent.statements();

        // user1234 and user12340 to user12349
        assertThat(page.totalItems()).isEqualTo(11);
        assertThat(page.items()).hasSize(11);
        assertThat(statements).hasSize(2);
        for (String statement : statements) {
            String plan = explain(statement, "%user1234%");
            System.out.println("EXPLAIN " + statement + "\n" + plan);
            assertThat(plan).contains("users_search").doesNotContain("Seq Scan");
        }
    }

    @Test
    void givenTwentyThousandAccounts_whenSearchingForAFullNameFragment_thenTheCountUsesTheTrigramIndex() {
        sent.reset();
        Page<User> page = users.search(Optional.of("c4ca4238a0b923820dcc509a6f75849b"), PageRequest.first());
        String count = sent.statements().get(0);

        // md5('1'): the full name of user1 alone
        assertThat(page.items()).extracting(user -> user.username().value()).containsExactly("user1");
        assertThat(count).startsWith("SELECT count(*)");
        assertThat(explain(count, "%c4ca4238a0b923820dcc509a6f75849b%")).contains("users_search").doesNotContain("Seq Scan");
    }

    /** The plan of {@code statement}, bound as the adapter binds it: the pattern, and the first page of 20. */
    private String explain(String statement, String pattern) {
        return jdbi.withHandle(handle -> {
            var query = handle.createQuery("EXPLAIN " + statement).bind("pattern", pattern);
            if (statement.contains(":limit")) {
                query.bind("limit", 20).bind("offset", 0L);
            }
            return String.join("\n", query.mapTo(String.class).list());
        });
    }
}
