package org.dreamdiary.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.dreamdiary.application.diary.DiaryQuery;
import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.planning.AgendaQuery;
import org.dreamdiary.application.planning.DreamQuery;
import org.dreamdiary.application.planning.DreamQuery.DreamSort;
import org.dreamdiary.application.planning.GoalQuery;
import org.dreamdiary.application.planning.DreamView;
import org.dreamdiary.domain.attachment.Attachment;
import org.dreamdiary.domain.diary.DiaryEntry;
import org.dreamdiary.domain.diary.DiaryEntryId;
import org.dreamdiary.domain.planning.DreamId;
import org.dreamdiary.domain.planning.GoalId;
import org.dreamdiary.domain.planning.Task;
import org.dreamdiary.domain.user.UserId;
import org.dreamdiary.testsupport.TestSchema;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No query per item: every list is one count and one page, however long the page, because the aggregates
 * (goal counts, progress, goal links) come in the same statement, and the attachments of a dream, task or diary
 * entry come in one more statement for the whole page. 150 of each, each holding two attachments, read 1, 20 and
 * 100 at a time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbiPlanningStatementCountTest {
    private static final int ROWS = 150;
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    private final StatementCounter sent = new StatementCounter();
    private PlanningFixture watched;
    private UserId owner;
    private GoalId busyGoal;
    private DreamId someDream;
    private DiaryEntryId someEntry;

    @BeforeAll
    void fill() {
        TestSchema schema = MigratedSchema.create();
        PlanningFixture data = new PlanningFixture(MigratedSchema.jdbi(schema));
        owner = data.owner();
        UUID id = owner.value();
        data.jdbi.useHandle(handle -> {
            handle.createUpdate("INSERT INTO dreams (id, owner_id, name, created_at, updated_at, version)"
                            + " SELECT gen_random_uuid(), :owner, 'Dream ' || i, now() - i * interval '1 minute', now(), 1"
                            + " FROM generate_series(1, :rows) AS i")
                    .bind("owner", id).bind("rows", ROWS).execute();
            handle.createUpdate("INSERT INTO goals (id, owner_id, dream_id, name, status, due_date, created_at, updated_at,"
                            + " version) SELECT gen_random_uuid(), owner_id, id, 'Goal of ' || name, 'active', date '2026-12-31',"
                            + " created_at, created_at, 1 FROM dreams WHERE owner_id = :owner")
                    .bind("owner", id).execute();
            busyGoal = new GoalId(handle.createQuery("SELECT id FROM goals WHERE owner_id = :owner ORDER BY id LIMIT 1")
                    .bind("owner", id).mapTo(UUID.class).one());
            handle.createUpdate("INSERT INTO tasks (id, owner_id, goal_id, text, due_date, done, position, created_at,"
                            + " updated_at, version) SELECT gen_random_uuid(), :owner, :goal, 'Task ' || i,"
                            + " date '2026-11-21' + i % 10, false, i, now(), now(), 1 FROM generate_series(1, :rows) AS i")
                    .bind("owner", id).bind("goal", busyGoal.value()).bind("rows", ROWS).execute();
            handle.createUpdate("INSERT INTO diary_entries (id, owner_id, entry_date, text, mood, created_at, updated_at,"
                            + " version) SELECT gen_random_uuid(), :owner, date '2026-11-21' - i, 'Entry ' || i, 1 + i % 5,"
                            + " now(), now(), 1 FROM generate_series(1, :rows) AS i")
                    .bind("owner", id).bind("rows", ROWS).execute();
            // every entry linked to the same two goals
            handle.createUpdate("INSERT INTO diary_entry_goals (entry_id, goal_id, position)"
                            + " SELECT e.id, g.id, g.n FROM diary_entries e CROSS JOIN (SELECT id, row_number() OVER (ORDER BY id) AS n"
                            + " FROM goals WHERE owner_id = :owner ORDER BY id LIMIT 2) g WHERE e.owner_id = :owner")
                    .bind("owner", id).execute();
            // two attachments of the owner's, held by every dream, task and entry in the same order
            handle.createUpdate("INSERT INTO attachments (id, owner_id, kind, url, created_at)"
                            + " SELECT gen_random_uuid(), :owner, 'link', 'https://example.com/' || i, now()"
                            + " FROM generate_series(1, 2) AS i")
                    .bind("owner", id).execute();
            for (String[] link : new String[][] {{"dream_attachments", "dream_id", "dreams"},
                    {"task_attachments", "task_id", "tasks"}, {"diary_entry_attachments", "entry_id", "diary_entries"}}) {
                handle.createUpdate("INSERT INTO " + link[0] + " (" + link[1] + ", attachment_id, position)"
                                + " SELECT h.id, a.id, row_number() OVER (PARTITION BY h.id ORDER BY a.url)"
                                + " FROM " + link[2] + " h CROSS JOIN attachments a"
                                + " WHERE h.owner_id = :owner AND a.owner_id = :owner")
                        .bind("owner", id).execute();
            }
            someDream = new DreamId(handle.createQuery("SELECT id FROM dreams WHERE owner_id = :owner LIMIT 1")
                    .bind("owner", id).mapTo(UUID.class).one());
            someEntry = new DiaryEntryId(handle.createQuery("SELECT id FROM diary_entries WHERE owner_id = :owner LIMIT 1")
                    .bind("owner", id).mapTo(UUID.class).one());
        });
        Jdbi logged = MigratedSchema.jdbi(schema);
        logged.setSqlLogger(sent);
        watched = new PlanningFixture(logged);
    }

    @ParameterizedTest(name = "per_page {0}")
    @ValueSource(ints = {1, 20, 100})
    void givenManyDreams_whenAPageIsListed_thenThreeStatementsWhateverItsSize(int perPage) {
        Page<DreamView> page = counted(3, () -> watched.dreams.list(owner, new DreamQuery(Optional.empty(), Optional.empty(),
                DreamSort.CREATED_DESC), new PageRequest(1, perPage)));
        assertThat(page.items()).hasSize(perPage).allSatisfy(view -> assertThat(urls(view.dream().attachments()))
                .containsExactly("https://example.com/1", "https://example.com/2"));
        assertThat(page.totalItems()).isEqualTo(ROWS);
        assertThat(watched.dreams.list(owner, new DreamQuery(Optional.empty(), Optional.empty(), DreamSort.NAME_ASC),
                new PageRequest(1, perPage)).items()).allSatisfy(view -> assertThat(view.goalCount()).isEqualTo(1));
    }

    @ParameterizedTest(name = "per_page {0}")
    @ValueSource(ints = {1, 100})
    void givenManyGoals_whenAPageIsListed_thenTwoStatementsWhateverItsSize(int perPage) {
        Page<?> page = counted(2, () -> watched.goals.list(owner,
                new GoalQuery(Optional.empty(), Optional.empty(), Optional.empty()), new PageRequest(1, perPage)));
        assertThat(page.items()).hasSize(perPage);
        assertThat(page.totalItems()).isEqualTo(ROWS);
    }

    @ParameterizedTest(name = "per_page {0}")
    @ValueSource(ints = {1, 20, 100})
    void givenAGoalWithManyTasks_whenAPageOfItsTasksIsListed_thenThreeStatementsWhateverItsSize(int perPage) {
        Page<Task> page = counted(3, () -> watched.tasks.ofGoal(owner, busyGoal, Optional.empty(), new PageRequest(1, perPage)));
        assertThat(page.items()).hasSize(perPage).allSatisfy(task -> assertThat(task.attachments()).hasSize(2));
        assertThat(page.totalItems()).isEqualTo(ROWS);
    }

    @ParameterizedTest(name = "per_page {0}")
    @ValueSource(ints = {1, 20, 100})
    void givenManyTasks_whenAPageOfTheAgendaIsListed_thenThreeStatementsWhateverItsSize(int perPage) {
        Page<Task> page = counted(3, () -> watched.tasks.agenda(owner, new AgendaQuery(Optional.of(false), Optional.empty(),
                Optional.of(false)), TODAY, new PageRequest(1, perPage)));
        assertThat(page.items()).hasSize(perPage).allSatisfy(task -> assertThat(task.attachments()).hasSize(2));
        assertThat(page.totalItems()).isEqualTo(ROWS);
    }

    @ParameterizedTest(name = "per_page {0}")
    @ValueSource(ints = {1, 20, 100})
    void givenManyEntries_whenAPageOfTheDiaryIsListed_thenThreeStatementsWhateverItsSize(int perPage) {
        Page<DiaryEntry> page = counted(3, () -> watched.diary.list(owner,
                new DiaryQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()),
                new PageRequest(1, perPage)));
        assertThat(page.items()).hasSize(perPage).allSatisfy(entry -> {
            assertThat(entry.goals()).hasSize(2);
            assertThat(entry.attachments()).hasSize(2);
        });
        assertThat(page.totalItems()).isEqualTo(ROWS);
    }

    @Test
    void givenOneDreamGoalOrEntry_whenViewed_thenOneStatementEachAndOneMoreForWhatItHolds() {
        assertThat(counted(2, () -> watched.dreams.view(owner, someDream)).orElseThrow().dream().attachments()).hasSize(2);
        assertThat(counted(1, () -> watched.goals.view(owner, busyGoal)).orElseThrow().progress().total()).isEqualTo(ROWS);
        DiaryEntry entry = counted(2, () -> watched.diary.byId(owner, someEntry)).orElseThrow();
        assertThat(entry.goals()).hasSize(2);
        assertThat(entry.attachments()).hasSize(2);
    }

    @Test
    void givenManyEntries_whenTotalled_thenThreeStatements() {
        var totals = counted(3, () -> watched.diary.totals(owner));
        assertThat(totals.entries()).isEqualTo(ROWS);
        assertThat(totals.days()).hasSize(ROWS);
    }

    private static List<String> urls(List<Attachment> attachments) {
        return attachments.stream().map(attachment -> attachment.link().value()).toList();
    }

    /** Runs {@code call}, checks that it sent exactly {@code statements} statements, and returns its result. */
    private <T> T counted(int statements, Supplier<T> call) {
        sent.reset();
        T result = call.get();
        List<String> seen = sent.statements();
        assertThat(seen).as("statements sent").hasSize(statements);
        return result;
    }
}
