package org.dreamdiary.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dreamdiary.adapter.persistence.PlanningFixture.T0;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.planning.GoalQuery;
import org.dreamdiary.application.planning.GoalView;
import org.dreamdiary.domain.error.StaleVersionException;
import org.dreamdiary.domain.planning.Dream;
import org.dreamdiary.domain.planning.Goal;
import org.dreamdiary.domain.planning.GoalId;
import org.dreamdiary.domain.planning.GoalStatus;
import org.dreamdiary.domain.planning.Name;
import org.dreamdiary.domain.planning.Progress;
import org.dreamdiary.domain.user.UserId;
import org.dreamdiary.testsupport.TestSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Goals on PostgreSQL: progress counted in SQL, filters, the row lock, ownership checks, and what a delete takes. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbiGoalsTest {
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    private static final GoalQuery EVERY_GOAL = new GoalQuery(Optional.empty(), Optional.empty(), Optional.empty());

    private TestSchema schema;
    private PlanningFixture data;
    private UserId owner;
    private final ExecutorService other = Executors.newSingleThreadExecutor();

    @BeforeAll
    void migrate() {
        schema = MigratedSchema.create();
        data = new PlanningFixture(MigratedSchema.jdbi(schema));
    }

    @AfterAll
    void stop() throws InterruptedException {
        other.shutdownNow();
        other.awaitTermination(10, TimeUnit.SECONDS);
    }

    @BeforeEach
    void aNewOwner() {
        owner = data.owner();
    }

    @Test
    void givenAGoalWithTasksSomeDone_whenViewedOrListed_thenItsProgressCountsThem() {
        Goal goal = data.goal(owner, null, "Read three books");
        Goal empty = data.goal(owner, null, "Nothing planned", null, GoalStatus.ACTIVE, T0.plusSeconds(1));
        data.task(owner, goal, "Book one", null, true, 1);
        data.task(owner, goal, "Book two", null, true, 2);
        data.task(owner, goal, "Book three", null, false, 3);

        assertThat(data.goals.view(owner, goal.id())).contains(new GoalView(goal, new Progress(2, 3)));
        assertThat(data.goals.view(owner, goal.id()).orElseThrow().progress().percent()).isEqualTo(67);
        assertThat(data.goals.view(owner, empty.id())).contains(new GoalView(empty, new Progress(0, 0)));
        assertThat(list(EVERY_GOAL).items())
                .containsExactly(new GoalView(empty, new Progress(0, 0)), new GoalView(goal, new Progress(2, 3)));
    }

    @Test
    void givenGoalsOfSeveralKinds_whenFiltered_thenStatusDreamAndStrictlyEarlierDueDatesSelect() {
        Dream dream = data.dream(owner, "Health");
        Goal early = data.goal(owner, dream, "Early", DAY.minusDays(1), GoalStatus.ACTIVE, T0);
        Goal onTheDay = data.goal(owner, dream, "On the day", DAY, GoalStatus.ACHIEVED, T0.plusSeconds(1));
        Goal undated = data.goal(owner, null, "Undated", null, GoalStatus.ACTIVE, T0.plusSeconds(2));
        Goal abandoned = data.goal(owner, null, "Abandoned", DAY.minusDays(10), GoalStatus.ABANDONED, T0.plusSeconds(3));

        assertThat(goals(new GoalQuery(Optional.of(GoalStatus.ACTIVE), Optional.empty(), Optional.empty())))
                .containsExactly(undated, early);
        assertThat(goals(GoalQuery.ofDream(dream.id()))).containsExactly(onTheDay, early);
        assertThat(goals(new GoalQuery(Optional.empty(), Optional.empty(), Optional.of(DAY)))).containsExactly(abandoned, early);
        Page<GoalView> combined = list(new GoalQuery(Optional.of(GoalStatus.ACTIVE), Optional.of(dream.id()), Optional.of(DAY)));
        assertThat(combined.items()).extracting(GoalView::goal).containsExactly(early);
        assertThat(combined.totalItems()).isEqualTo(1);
        assertThat(list(EVERY_GOAL).totalItems()).isEqualTo(4);
    }

    @Test
    void givenAGoalLockedInATransaction_whenAnotherConnectionAsksForTheRowLock_thenItIsRefusedUntilTheCommit()
            throws Exception {
        Goal goal = data.goal(owner, null, "Locked");

        String whileHeld = data.jdbi.inTransaction(handle -> {
            assertThat(data.goals.lock(owner, goal.id())).contains(goal);
            return other.submit(() -> tryRowLock(goal.id())).get(10, TimeUnit.SECONDS);
        });
        String afterCommit = other.submit(() -> tryRowLock(goal.id())).get(10, TimeUnit.SECONDS);
        String afterPlainRead = data.jdbi.inTransaction(handle -> {
            assertThat(data.goals.view(owner, goal.id())).isPresent();
            return other.submit(() -> tryRowLock(goal.id())).get(10, TimeUnit.SECONDS);
        });

        // 55P03 lock_not_available: the row is held FOR UPDATE by the first transaction
        assertThat(whileHeld).isEqualTo("55P03");
        assertThat(afterCommit).isEqualTo("locked");
        assertThat(afterPlainRead).isEqualTo("locked");
    }

    @Test
    void givenGoalsOfTwoOwners_whenAskedWhichExist_thenOnlyTheOwnersOwnAreReturned() {
        Goal mine = data.goal(owner, null, "Mine");
        Goal alsoMine = data.goal(owner, null, "Also mine");
        Goal theirs = data.goal(data.owner(), null, "Theirs");
        GoalId missing = new GoalId(UUID.randomUUID());

        assertThat(data.goals.existing(owner, List.of(mine.id(), theirs.id(), missing, alsoMine.id())))
                .containsExactlyInAnyOrder(mine.id(), alsoMine.id());
        assertThat(data.goals.existing(owner, List.of(theirs.id(), missing))).isEmpty();
        assertThat(data.goals.existing(owner, List.of())).isEmpty();
    }

    @Test
    void givenAGoalWithTasksAndDiaryLinks_whenDeleted_thenItsTasksAndLinksGoButTheEntriesStay() {
        Goal goal = data.goal(owner, null, "Doomed");
        Goal kept = data.goal(owner, null, "Kept");
        data.task(owner, goal, "One", 1);
        data.task(owner, goal, "Two", 2);
        data.task(owner, kept, "Stays", 1);
        var entry = data.entry(owner, DAY, "Worked on both", 3, List.of(kept.id(), goal.id()));

        assertThat(data.goals.delete(owner, goal.id(), OptionalLong.empty())).isTrue();

        assertThat(data.count("SELECT count(*) FROM tasks WHERE goal_id = ?", goal.id().value())).isZero();
        assertThat(data.count("SELECT count(*) FROM diary_entry_goals WHERE goal_id = ?", goal.id().value())).isZero();
        assertThat(data.count("SELECT count(*) FROM tasks WHERE goal_id = ?", kept.id().value())).isEqualTo(1);
        assertThat(data.diary.byId(owner, entry.id()).orElseThrow().goals()).containsExactly(kept.id());
        assertThat(data.goals.delete(owner, goal.id(), OptionalLong.empty())).isFalse();
    }

    @Test
    void givenAGoal_whenUpdatedFromAnOldVersion_thenStaleAndTheRowIsUnchanged() {
        Goal goal = data.goal(owner, null, "Original");
        Goal edited = goal.edit(null, new Name("Edited"), null, DAY, GoalStatus.ABANDONED, T0.plusSeconds(5));
        data.goals.update(edited);
        String stored = data.row("goals", goal.id().value());

        Goal fromOldVersion = goal.edit(null, new Name("Lost update"), null, null, GoalStatus.ACTIVE, T0.plusSeconds(9));

        assertThatThrownBy(() -> data.goals.update(fromOldVersion)).isInstanceOf(StaleVersionException.class);
        assertThat(data.row("goals", goal.id().value())).isEqualTo(stored);
        assertThat(data.goals.view(owner, goal.id()).orElseThrow().goal()).isEqualTo(edited);
    }

    /** On a connection of its own: "locked" when the row lock is free, else the SQL state of the refusal. */
    private String tryRowLock(GoalId goal) throws SQLException {
        try (Connection connection = schema.connect()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement("SELECT id FROM goals WHERE id = ? FOR UPDATE NOWAIT")) {
                statement.setObject(1, goal.value());
                try (ResultSet row = statement.executeQuery()) {
                    assertThat(row.next()).isTrue();
                    return "locked";
                }
            } catch (SQLException refused) {
                return refused.getSQLState();
            } finally {
                connection.rollback();
            }
        }
    }

    private Page<GoalView> list(GoalQuery query) {
        return data.goals.list(owner, query, new PageRequest(1, 100));
    }

    private List<Goal> goals(GoalQuery query) {
        return list(query).items().stream().map(GoalView::goal).toList();
    }
}
