package org.dreamdiary.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dreamdiary.adapter.persistence.PlanningFixture.T0;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.planning.AgendaQuery;
import org.dreamdiary.application.port.out.planning.Tasks.TaskCounts;
import org.dreamdiary.domain.attachment.Attachment;
import org.dreamdiary.domain.error.StaleVersionException;
import org.dreamdiary.domain.planning.Goal;
import org.dreamdiary.domain.planning.Task;
import org.dreamdiary.domain.planning.TaskText;
import org.dreamdiary.domain.user.UserId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Tasks on PostgreSQL: positions 1..n kept through moves and deletes, the agenda's order and filters, counts, versions. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbiTasksTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    private PlanningFixture data;
    private UserId owner;
    private Goal goal;
    private Task a;
    private Task b;
    private Task c;
    private Task d;

    @BeforeAll
    void migrate() {
        data = PlanningFixture.onFreshSchema();
    }

    @BeforeEach
    void aGoalWithFourTasks() {
        owner = data.owner();
        goal = data.goal(owner, null, "Four steps");
        a = data.task(owner, goal, "A", 1);
        b = data.task(owner, goal, "B", 2);
        c = data.task(owner, goal, "C", 3);
        d = data.task(owner, goal, "D", 4);
    }

    @Test
    void givenFourTasks_whenTheThirdMovesToTheTop_thenTheFirstTwoMoveDownAndPositionsStayOneToFour() {
        move(c, 1);

        assertThat(data.positions(goal.id())).containsExactly("C@1", "A@2", "B@3", "D@4");
        assertThat(texts(data.tasks.ofGoal(owner, goal.id(), Optional.empty(), PageRequest.first())))
                .containsExactly("C", "A", "B", "D");
    }

    @Test
    void givenFourTasks_whenTheFirstMovesToThird_thenTheNextTwoMoveUpAndPositionsStayOneToFour() {
        move(a, 3);

        assertThat(data.positions(goal.id())).containsExactly("B@1", "C@2", "A@3", "D@4");
    }

    @Test
    void givenFourTasks_whenMovedBackAndForth_thenEveryStateIsAPermutationOfOneToFour() {
        move(d, 1);
        move(data.tasks.byId(owner, b.id()).orElseThrow(), 4);
        move(data.tasks.byId(owner, d.id()).orElseThrow(), 2);

        assertThat(data.positions(goal.id())).containsExactly("A@1", "D@2", "C@3", "B@4");
        assertThat(data.count("SELECT count(DISTINCT position) FROM tasks WHERE goal_id = ? AND position BETWEEN 1 AND 4",
                goal.id().value())).isEqualTo(4);
    }

    @Test
    void givenFourTasks_whenTheSecondIsDeleted_thenTheGapCloses() {
        data.jdbi.useTransaction(handle -> data.tasks.delete(b, OptionalLong.empty()));

        assertThat(data.positions(goal.id())).containsExactly("A@1", "C@2", "D@3");
        assertThat(data.tasks.byId(owner, b.id())).isEmpty();
        // deleting it again moves nothing
        data.tasks.delete(b, OptionalLong.empty());
        assertThat(data.positions(goal.id())).containsExactly("A@1", "C@2", "D@3");
    }

    @Test
    void givenTasksAcrossGoals_whenTheAgendaIsRead_thenByDueDateNoneLastThenPosition() {
        anAgenda();

        assertThat(texts(agenda(Optional.empty(), Optional.empty(), Optional.empty())))
                .containsExactly("done long ago", "overdue", "today first", "today second", "undated first", "undated third");
    }

    @Test
    void givenTasksAcrossGoals_whenTheAgendaIsFiltered_thenDoneDueBeforeAndOverdueSelect() {
        anAgenda();

        assertThat(texts(agenda(Optional.of(true), Optional.empty(), Optional.empty()))).containsExactly("done long ago");
        assertThat(texts(agenda(Optional.of(false), Optional.empty(), Optional.empty())))
                .containsExactly("overdue", "today first", "today second", "undated first", "undated third");
        // strictly before: what is due today is not due before today
        assertThat(texts(agenda(Optional.empty(), Optional.of(TODAY), Optional.empty())))
                .containsExactly("done long ago", "overdue");
        assertThat(texts(agenda(Optional.empty(), Optional.empty(), Optional.of(true)))).containsExactly("overdue");
        assertThat(texts(agenda(Optional.empty(), Optional.empty(), Optional.of(false))))
                .containsExactly("done long ago", "today first", "today second", "undated first", "undated third");
        Page<Task> combined = agenda(Optional.of(false), Optional.of(TODAY.plusDays(1)), Optional.of(false));
        assertThat(texts(combined)).containsExactly("today first", "today second");
        assertThat(combined.totalItems()).isEqualTo(2);
        // "overdue" is relative to the day given, not to the database's clock
        assertThat(texts(data.tasks.agenda(owner, new AgendaQuery(Optional.empty(), Optional.empty(), Optional.of(true)),
                TODAY.plusDays(1), PageRequest.first()))).containsExactly("overdue", "today first", "today second");
    }

    @Test
    void givenAGoalsTasksSomeDone_whenCountedOrListedByDone_thenOpenAndDoneAreTold() {
        data.jdbi.useTransaction(handle -> data.tasks.update(b.edit(b.text(), null, null, true, 2, List.of(), T0.plusSeconds(1)), 2));

        assertThat(data.tasks.counts(goal.id())).isEqualTo(new TaskCounts(4, 3));
        assertThat(texts(data.tasks.ofGoal(owner, goal.id(), Optional.of(true), PageRequest.first()))).containsExactly("B");
        Page<Task> open = data.tasks.ofGoal(owner, goal.id(), Optional.of(false), new PageRequest(1, 2));
        assertThat(texts(open)).containsExactly("A", "C");
        assertThat(open.totalItems()).isEqualTo(3);
        assertThat(data.tasks.counts(data.goal(owner, null, "Empty").id())).isEqualTo(new TaskCounts(0, 0));
    }

    @Test
    void givenATask_whenUpdatedFromAnOldVersion_thenStaleAndNothingChanges() {
        Task edited = c.edit(new TaskText("C edited"), null, TODAY, true, 3, List.of(), T0.plusSeconds(1));
        data.jdbi.useTransaction(handle -> data.tasks.update(edited, 3));
        String stored = data.row("tasks", c.id().value());
        Task fromOldVersion = c.edit(new TaskText("Lost update"), null, null, false, 1, List.of(), T0.plusSeconds(2));

        assertThatThrownBy(() -> data.jdbi.useTransaction(handle -> data.tasks.update(fromOldVersion, 3)))
                .isInstanceOf(StaleVersionException.class);

        assertThat(data.row("tasks", c.id().value())).isEqualTo(stored);
        assertThat(data.tasks.byId(owner, c.id())).contains(edited);
        assertThat(data.positions(goal.id())).containsExactly("A@1", "B@2", "C edited@3", "D@4");
    }

    /** As the use case does it: in one transaction, where the position constraint is checked at commit. */
    @Test
    void givenATaskHoldingAttachments_whenReadListedMovedAndUpdated_thenTheyComeBackInOrderAndAreReplaced() {
        Attachment photo = data.image(owner, "route.png", 40, 30);
        Attachment link = data.link(owner, "https://example.com/route");
        Task task = data.task(owner, goal, "E", 5, List.of(link, photo));

        assertThat(data.tasks.byId(owner, task.id())).contains(task);
        assertThat(data.tasks.ofGoal(owner, goal.id(), Optional.empty(), PageRequest.first()).items())
                .filteredOn(listed -> listed.id().equals(task.id())).singleElement()
                .extracting(Task::attachments).isEqualTo(List.of(link, photo));
        assertThat(data.tasks.agenda(owner, new AgendaQuery(Optional.empty(), Optional.empty(), Optional.empty()), TODAY,
                PageRequest.first()).items()).filteredOn(listed -> listed.id().equals(task.id())).singleElement()
                .extracting(Task::attachments).isEqualTo(List.of(link, photo));

        move(task, 1);
        Task moved = data.tasks.byId(owner, task.id()).orElseThrow();
        assertThat(moved.attachments()).as("kept by an edit that keeps them").containsExactly(link, photo);

        Task replaced = moved.edit(moved.text(), null, null, false, 1, List.of(photo), T0.plusSeconds(2));
        data.jdbi.useTransaction(handle -> data.tasks.update(replaced, 1));
        assertThat(data.tasks.byId(owner, task.id()).orElseThrow().attachments()).containsExactly(photo);
    }

    private void move(Task task, int position) {
        Task moved = task.edit(task.text(), task.notes(), task.dueDate(), task.done(), position, task.attachments(), T0.plusSeconds(1));
        data.jdbi.useTransaction(handle -> data.tasks.update(moved, task.position()));
    }

    /** A new owner with two goals of tasks, dated and not, done and not; the agenda tests read this owner's. */
    private void anAgenda() {
        owner = data.owner();
        Goal dated = data.goal(owner, null, "Dated");
        Goal another = data.goal(owner, null, "Another");
        data.task(owner, dated, "undated first", null, false, 1);
        data.task(owner, dated, "today second", TODAY, false, 2);
        data.task(owner, dated, "done long ago", TODAY.minusDays(5), true, 3);
        data.task(owner, another, "today first", TODAY, false, 1);
        data.task(owner, another, "overdue", TODAY.minusDays(2), false, 2);
        data.task(owner, another, "undated third", null, false, 3);
        // someone else's tasks never show
        UserId stranger = data.owner();
        data.task(stranger, data.goal(stranger, null, "Theirs"), "not mine", TODAY.minusDays(9), false, 1);
    }

    private Page<Task> agenda(Optional<Boolean> done, Optional<LocalDate> dueBefore, Optional<Boolean> overdue) {
        return data.tasks.agenda(owner, new AgendaQuery(done, dueBefore, overdue), TODAY, new PageRequest(1, 100));
    }

    private static List<String> texts(Page<Task> page) {
        return page.items().stream().map(task -> task.text().value()).toList();
    }
}
