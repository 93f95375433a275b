package org.dreamdiary.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.dreamdiary.application.diary.DiaryQuery;
import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.planning.AgendaQuery;
import org.dreamdiary.application.planning.DreamQuery;
import org.dreamdiary.application.planning.DreamQuery.DreamSort;
import org.dreamdiary.domain.user.UserId;
import org.dreamdiary.testsupport.TestSchema;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The plans PostgreSQL picks on 100,000 rows per table for one owner (and more for others) for the statements the
 * planning and diary adapters really send, caught on their way out by a {@link StatementCounter}, so that a change
 * to the SQL that stops matching an index fails here. The plans are printed for review.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbiPlanningPlanTest {
    private static final int ROWS = 100_000;
    private static final int OTHER_OWNERS = 4;
    private static final int ROWS_PER_OTHER_OWNER = 5_000;
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    private static final PageRequest FIRST_PAGE = PageRequest.first();

    private final StatementCounter sent = new StatementCounter();
    private Jdbi jdbi;
    private PlanningFixture watched;
    private UserId owner;

    @BeforeAll
    void fillTheTables() {
        TestSchema schema = MigratedSchema.create();
        jdbi = MigratedSchema.jdbi(schema);
        PlanningFixture data = new PlanningFixture(jdbi);
        owner = data.owner();
        List<UUID> others = IntStream.range(0, OTHER_OWNERS).mapToObj(i -> data.owner().value()).toList();
        long started = System.nanoTime();
        jdbi.useHandle(handle -> {
            fill(handle, owner.value(), ROWS, 1_000);
            for (UUID other : others) {
                fill(handle, other, ROWS_PER_OTHER_OWNER, 50);
            }
            // VACUUM as well as ANALYZE: it merges the GIN indexes' pending lists and sets the visibility map, the
            // state autovacuum keeps a live table in (see JdbiUsersSearchPlanTest).
            handle.execute("VACUUM ANALYZE dreams, goals, tasks, diary_entries, diary_entry_goals");
        });
        System.out.printf("JdbiPlanningPlanTest: filled and vacuumed in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        Jdbi logged = MigratedSchema.jdbi(schema);
        logged.setSqlLogger(sent);
        watched = new PlanningFixture(logged);
    }

    /**
     * {@code rows} dreams, then {@code goals} goals formed from the first of them with {@code rows} tasks spread over
     * them, and {@code rows} diary entries over ten years, the first goal linked to every hundredth entry. One dream
     * in a thousand (and the one numbered 77,777), and one entry in five hundred, says something searchable.
     */
    private static void fill(Handle handle, UUID owner, int rows, int goals) {
        handle.createUpdate("INSERT INTO dreams (id, owner_id, name, description, created_at, updated_at, version)"
                        + " SELECT gen_random_uuid(), :owner, 'Мечта номер ' || i,"
                        + " CASE WHEN i % 1000 = 0 THEN 'Прыгнуть с парашютом над морем' WHEN i = 77777 THEN 'Увидеть северное сияние'"
                        + " ELSE 'Something to wish for ' || i END,"
                        + " timestamptz '2020-01-01 00:00:00Z' + i * interval '1 minute', now(), 1"
                        + " FROM generate_series(1, :rows) AS i")
                .bind("owner", owner).bind("rows", rows).execute();
        handle.createUpdate("INSERT INTO goals (id, owner_id, dream_id, name, due_date, status, created_at, updated_at, version)"
                        + " SELECT gen_random_uuid(), :owner, d.id, 'Goal ' || d.n, date '2026-01-01' + (d.n % 500)::int,"
                        + " (ARRAY['active', 'achieved', 'abandoned'])[(1 + d.n % 3)::int], d.created_at, d.created_at, 1"
                        + " FROM (SELECT id, created_at, row_number() OVER (ORDER BY created_at) AS n FROM dreams"
                        + " WHERE owner_id = :owner ORDER BY created_at LIMIT :goals) d")
                .bind("owner", owner).bind("goals", goals).execute();
        handle.createUpdate("INSERT INTO tasks (id, owner_id, goal_id, text, due_date, done, completed_at, position, created_at,"
                        + " updated_at, version)"
                        + " SELECT gen_random_uuid(), :owner, g.id, 'Task ' || i,"
                        + " CASE WHEN i % 10 = 0 THEN NULL ELSE date '2026-01-01' + i % 700 END,"
                        + " i % 3 = 0, CASE WHEN i % 3 = 0 THEN now() END, 1 + (i - 1) / g.goals, now(), now(), 1"
                        + " FROM generate_series(1, :rows) AS i"
                        + " JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k, count(*) OVER () AS goals FROM goals"
                        + " WHERE owner_id = :owner) g ON g.k = (i - 1) % g.goals")
                .bind("owner", owner).bind("rows", rows).execute();
        handle.createUpdate("INSERT INTO diary_entries (id, owner_id, entry_date, title, text, mood, created_at, updated_at,"
                        + " version)"
                        + " SELECT gen_random_uuid(), :owner, date '2026-11-21' - i % 3650, 'Day ' || i,"
                        + " CASE WHEN i % 500 = 0 THEN 'Пробежал марафон под дождём' ELSE 'Ordinary day number ' || i END,"
                        + " CASE WHEN i % 7 = 0 THEN NULL ELSE 1 + i % 5 END, now(), now(), 1"
                        + " FROM generate_series(1, :rows) AS i")
                .bind("owner", owner).bind("rows", rows).execute();
        handle.createUpdate("INSERT INTO diary_entry_goals (entry_id, goal_id, position)"
                        + " SELECT e.id, (SELECT id FROM goals WHERE owner_id = :owner ORDER BY id LIMIT 1), 1"
                        + " FROM diary_entries e WHERE e.owner_id = :owner AND e.title LIKE '%00'")
                .bind("owner", owner).execute();
    }

    @Test
    void givenTheBulkData_whenCounted_thenEveryTableHoldsWhatTheTestSays() {
        long others = (long) OTHER_OWNERS * ROWS_PER_OTHER_OWNER;
        assertThat(count("SELECT count(*) FROM dreams")).isEqualTo(ROWS + others);
        assertThat(count("SELECT count(*) FROM tasks")).isEqualTo(ROWS + others);
        assertThat(count("SELECT count(*) FROM diary_entries")).isEqualTo(ROWS + others);
        assertThat(count("SELECT count(*) FROM tasks WHERE owner_id = '" + owner.value() + "'")).isEqualTo(ROWS);
        assertThat(count("SELECT count(DISTINCT goal_id) FROM tasks WHERE owner_id = '" + owner.value() + "'")).isEqualTo(1_000);
    }

    @Test
    void givenOneHundredThousandDreams_whenTheNewestPageIsListed_thenItIsReadFromDreamsOwnerCreated() {
        List<String> statements = sentBy(() -> watched.dreams.list(owner,
                new DreamQuery(Optional.empty(), Optional.empty(), DreamSort.CREATED_DESC), FIRST_PAGE));
        Map<String, Object> params = Map.of("owner", owner.value());

        String page = explain(statements.get(1), params);
        assertThat(page).contains("dreams_owner_created").doesNotContain("Seq Scan on dreams");
        // the count reads all 100,000 of the owner's dreams whichever way: printed, not judged
        explain(statements.get(0), params);
    }

    @Test
    void givenOneHundredThousandDreams_whenARareWordIsSearched_thenBothStatementsUseDreamsSearch() {
        List<String> statements = sentBy(() -> assertThat(watched.dreams.list(owner, new DreamQuery(Optional.empty(),
                Optional.of("сияние"), DreamSort.CREATED_DESC), FIRST_PAGE).totalItems()).isEqualTo(1));

        for (String statement : statements) {
            assertThat(explain(statement, Map.of("owner", owner.value(), "q", "сияние")))
                    .contains("dreams_search").doesNotContain("Seq Scan on dreams");
        }
    }

    /**
     * One dream in a thousand matches, spread evenly over time: the count comes from {@code dreams_search}, but
     * for the newest 20 PostgreSQL (estimating ~230 matches) rather walks {@code dreams_owner_created} backwards and
     * filters, expecting 20 matches within the newest ~9,000 dreams. A cost-based choice, not a missing index;
     * only the absence of a sequential scan is asserted for the page.
     */
    @Test
    void givenOneHundredThousandDreams_whenACommonerWordIsSearched_thenTheCountUsesDreamsSearchAndNothingReadsAllDreams() {
        List<String> statements = sentBy(() -> assertThat(watched.dreams.list(owner, new DreamQuery(Optional.empty(),
                Optional.of("парашют"), DreamSort.CREATED_DESC), FIRST_PAGE).totalItems()).isEqualTo(ROWS / 1000));
        Map<String, Object> params = Map.of("owner", owner.value(), "q", "парашют");

        assertThat(explain(statements.get(0), params)).contains("dreams_search").doesNotContain("Seq Scan on dreams");
        assertThat(explain(statements.get(1), params)).containsAnyOf("dreams_search", "dreams_owner_created")
                .doesNotContain("Seq Scan on dreams");
    }

    @Test
    void givenOneHundredThousandTasks_whenTheAgendaIsRead_thenTheTasksIndexIsUsedAndNoSeqScan() {
        List<String> statements = sentBy(() -> watched.tasks.agenda(owner,
                new AgendaQuery(Optional.empty(), Optional.empty(), Optional.empty()), TODAY, FIRST_PAGE));

        String page = explain(statements.get(1), Map.of("owner", owner.value()));
        assertThat(page).contains("tasks_agenda").doesNotContain("Seq Scan on tasks");
        explain(statements.get(0), Map.of("owner", owner.value()));
    }

    @Test
    void givenOneHundredThousandTasks_whenTheOpenAgendaIsRead_thenTheTasksIndexIsStillUsed() {
        List<String> statements = sentBy(() -> watched.tasks.agenda(owner,
                new AgendaQuery(Optional.of(false), Optional.empty(), Optional.of(false)), TODAY, FIRST_PAGE));

        String page = explain(statements.get(1), Map.of("owner", owner.value(), "done", false, "today", TODAY));
        assertThat(page).contains("tasks_agenda").doesNotContain("Seq Scan on tasks");
    }

    @Test
    void givenOneHundredThousandEntries_whenTheNewestPageIsListed_thenItIsReadFromDiaryOwnerDate() {
        List<String> statements = sentBy(() -> watched.diary.list(owner,
                new DiaryQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()), FIRST_PAGE));

        String page = explain(statements.get(1), Map.of("owner", owner.value()));
        assertThat(page).contains("diary_owner_date").doesNotContain("Seq Scan on diary_entries");
        explain(statements.get(0), Map.of("owner", owner.value()));
    }

    @Test
    void givenOneHundredThousandEntries_whenAMonthIsListed_thenItIsReadFromDiaryOwnerDate() {
        LocalDate from = LocalDate.of(2026, 10, 1);
        LocalDate to = LocalDate.of(2026, 10, 31);
        List<String> statements = sentBy(() -> watched.diary.list(owner,
                new DiaryQuery(Optional.of(from), Optional.of(to), Optional.empty(), Optional.empty()), FIRST_PAGE));

        for (String statement : statements) {
            assertThat(explain(statement, Map.of("owner", owner.value(), "from", from, "to", to)))
                    .contains("diary_owner_date").doesNotContain("Seq Scan on diary_entries");
        }
    }

    /**
     * The count and the page that {@code call} sends; the third statement, the page's attachments by the holders'
     * primary keys (empty tables here), is left out of the plans judged.
     */
    private List<String> sentBy(Runnable call) {
        sent.reset();
        call.run();
        List<String> statements = sent.statements();
        assertThat(statements).hasSize(3);
        assertThat(statements.get(2)).contains("_attachments l JOIN attachments a");
        return statements.subList(0, 2);
    }

    /** The plan of {@code statement}, bound as the adapter binds it (the first page of 20), printed to stdout. */
    private String explain(String statement, Map<String, Object> params) {
        String plan = jdbi.withHandle(handle -> {
            handle.getConfig(SqlStatements.class).setUnusedBindingAllowed(true);
            var query = handle.createQuery("EXPLAIN " + statement).bindMap(params).bind("limit", FIRST_PAGE.perPage())
                    .bind("offset", FIRST_PAGE.offset());
            return String.join("\n", query.mapTo(String.class).list());
        });
        System.out.println("EXPLAIN " + statement + "\n" + plan + "\n");
        return plan;
    }

    private long count(String sql) {
        return jdbi.withHandle(handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }
}
