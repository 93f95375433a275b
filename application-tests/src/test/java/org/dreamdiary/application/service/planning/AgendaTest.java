package org.dreamdiary.application.service.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dreamdiary.application.service.planning.PlanningWorld.ALICE;
import static org.dreamdiary.application.service.planning.PlanningWorld.ALL;
import static org.dreamdiary.application.service.planning.PlanningWorld.BOB;
import static org.dreamdiary.application.service.planning.PlanningWorld.TODAY;
import static org.dreamdiary.application.service.planning.PlanningWorld.WHOLE_AGENDA;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.planning.AgendaQuery;
import org.dreamdiary.application.planning.TaskView;
import org.dreamdiary.domain.planning.GoalId;
import org.dreamdiary.domain.planning.Task;
import org.dreamdiary.domain.planning.TaskId;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The agenda: the caller's tasks across all goals, by due date (undated last) then position. Today is 2024-06-01. */
class AgendaTest {

    private static final LocalDate MAY_20 = LocalDate.of(2024, 5, 20);
    private static final LocalDate MAY_25 = LocalDate.of(2024, 5, 25);
    private static final LocalDate JUNE_10 = LocalDate.of(2024, 6, 10);

    @AutoClose
    private final PlanningWorld world = new PlanningWorld();

    @BeforeEach
    void aliceHasTasksInTwoGoalsAndBobHasOne() {
        GoalId violin = world.goal(ALICE, "Learn the violin").goal().id();
        GoalId books = world.goal(ALICE, "Read 20 books").goal().id();
        world.taskDue(ALICE, violin, "violin 1: due June 10", JUNE_10);
        world.taskDue(ALICE, violin, "violin 2: undated", null);
        world.taskDue(ALICE, violin, "violin 3: due May 20", MAY_20);
        Task doneLate = world.taskDue(ALICE, violin, "violin 4: due May 25, done", MAY_25);
        world.taskDue(ALICE, books, "books 1: due today", TODAY);
        world.taskDue(ALICE, books, "books 2: due June 10", JUNE_10);
        world.taskDue(ALICE, books, "books 3: undated", null);
        world.complete(ALICE, doneLate.id());
        GoalId bobs = world.goal(BOB, "Bob's goal").goal().id();
        world.taskDue(BOB, bobs, "bob: due May 20", MAY_20);
    }

    private List<String> agenda(AgendaQuery query) {
        return texts(world.taskService.agenda(ALICE, query, ALL));
    }

    private static List<String> texts(Page<TaskView> page) {
        return page.items().stream().map(view -> view.task().text().value()).toList();
    }

    private static AgendaQuery done(boolean done) {
        return new AgendaQuery(Optional.of(done), Optional.empty(), Optional.empty());
    }

    private static AgendaQuery dueBefore(LocalDate day) {
        return new AgendaQuery(Optional.empty(), Optional.of(day), Optional.empty());
    }

    private static AgendaQuery overdue(boolean overdue) {
        return new AgendaQuery(Optional.empty(), Optional.empty(), Optional.of(overdue));
    }

    @Test
    void theAgendaIsOrderedByDueDateThenPositionWithUndatedTasksLast() {
        assertThat(agenda(WHOLE_AGENDA)).containsExactly(
                "violin 3: due May 20",
                "violin 4: due May 25, done",
                "books 1: due today",
                "violin 1: due June 10",
                "books 2: due June 10",
                "violin 2: undated",
                "books 3: undated");
    }

    @Test
    void theAgendaHoldsOnlyTheCallersTasks() {
        assertThat(agenda(WHOLE_AGENDA)).hasSize(7).noneMatch(text -> text.startsWith("bob"));
        assertThat(texts(world.taskService.agenda(BOB, WHOLE_AGENDA, ALL))).containsExactly("bob: due May 20");
    }

    @Test
    void theAgendaCanBeFilteredToDoneTasks() {
        assertThat(agenda(done(true))).containsExactly("violin 4: due May 25, done");
    }

    @Test
    void theAgendaCanBeFilteredToOpenTasks() {
        assertThat(agenda(done(false))).containsExactly(
                "violin 3: due May 20",
                "books 1: due today",
                "violin 1: due June 10",
                "books 2: due June 10",
                "violin 2: undated",
                "books 3: undated");
    }

    @Test
    void dueBeforeKeepsTasksDueStrictlyBeforeTheDayAndLeavesUndatedOnesOut() {
        assertThat(agenda(dueBefore(TODAY))).containsExactly("violin 3: due May 20", "violin 4: due May 25, done");
        assertThat(agenda(dueBefore(JUNE_10))).containsExactly(
                "violin 3: due May 20", "violin 4: due May 25, done", "books 1: due today");
    }

    @Test
    void overdueTasksAreOpenAndDueBeforeToday() {
        assertThat(agenda(overdue(true))).containsExactly("violin 3: due May 20");
    }

    @Test
    void tasksThatAreNotOverdueAreTheRest() {
        assertThat(agenda(overdue(false))).containsExactly(
                "violin 4: due May 25, done",
                "books 1: due today",
                "violin 1: due June 10",
                "books 2: due June 10",
                "violin 2: undated",
                "books 3: undated");
    }

    @Test
    void filtersCombine() {
        assertThat(agenda(new AgendaQuery(Optional.of(false), Optional.of(JUNE_10), Optional.empty())))
                .containsExactly("violin 3: due May 20", "books 1: due today");
    }

    @Test
    void todayIsTheClocksDateInUtc() {
        world.clock.set(Instant.parse("2024-06-01T23:59:59.999Z"));
        assertThat(agenda(overdue(true))).as("due today is not overdue yet").containsExactly("violin 3: due May 20");

        world.clock.set(Instant.parse("2024-06-02T00:00:00.000Z"));
        assertThat(agenda(overdue(true))).containsExactly("violin 3: due May 20", "books 1: due today");
    }

    /**
     * The machine running this is years past 2024 and centuries before 3000, so a flag taken from its date would be
     * wrong at every step below: the service's clock alone decides.
     */
    @Test
    void theOverdueFlagOfEveryTaskFollowsTheClockNotTheMachinesDate() {
        assertThat(overdueFlags()).containsEntry("violin 3: due May 20", true)
                .containsEntry("books 1: due today", false)
                .containsEntry("violin 1: due June 10", false)
                .containsEntry("violin 4: due May 25, done", false);
        GoalId later = world.goal(ALICE, "Later").goal().id();
        TaskId farOff = world.taskDue(ALICE, later, "due at the end of 2999", LocalDate.of(2999, 12, 31)).id();
        assertThat(world.taskService.task(ALICE, farOff).overdue()).isFalse();

        world.clock.set(Instant.parse("3000-01-01T00:00:00.000Z"));

        assertThat(world.taskService.task(ALICE, farOff).overdue()).isTrue();
        assertThat(overdueFlags()).containsEntry("due at the end of 2999", true)
                .containsEntry("books 1: due today", true)
                .containsEntry("violin 4: due May 25, done", false);
    }

    private Map<String, Boolean> overdueFlags() {
        return world.taskService.agenda(ALICE, WHOLE_AGENDA, ALL).items().stream()
                .collect(Collectors.toMap(view -> view.task().text().value(), TaskView::overdue));
    }

    @Test
    void theAgendaIsPaged() {
        Page<TaskView> second = world.taskService.agenda(ALICE, WHOLE_AGENDA, new PageRequest(2, 2));

        assertThat(texts(second)).containsExactly("books 1: due today", "violin 1: due June 10");
        assertThat(second.totalItems()).isEqualTo(7);
        assertThat(second.hasNext()).isTrue();
    }
}
