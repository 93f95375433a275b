package org.dreamdiary.persistence.contract;

import static org.dreamdiary.persistence.contract.TestPlanning.T0;
import static org.dreamdiary.persistence.contract.TestPlanning.TODAY;
import static org.dreamdiary.persistence.contract.TestPlanning.aGoal;
import static org.dreamdiary.persistence.contract.TestPlanning.aStoredImage;
import static org.dreamdiary.persistence.contract.TestPlanning.aStoredLink;
import static org.dreamdiary.persistence.contract.TestPlanning.aTask;
import static org.dreamdiary.persistence.contract.TestPlanning.anOwner;
import static org.dreamdiary.persistence.contract.TestPlanning.ascendingIds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.planning.AgendaQuery;
import org.dreamdiary.application.port.out.planning.Tasks;
import org.dreamdiary.application.port.out.planning.Tasks.TaskCounts;
import org.dreamdiary.domain.attachment.Attachment;
import org.dreamdiary.domain.error.StaleVersionException;
import org.dreamdiary.domain.planning.Goal;
import org.dreamdiary.domain.planning.Notes;
import org.dreamdiary.domain.planning.Task;
import org.dreamdiary.domain.planning.TaskId;
import org.dreamdiary.domain.planning.TaskText;
import org.dreamdiary.domain.user.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every implementation of the {@link Tasks} port promises: positions 1..n within a goal kept through moves and
 * deletes, a goal's tasks in position order, the agenda's order and filters, counts, optimistic versions, the
 * attachments a task holds, and that nothing of another owner's is seen or moved. Changes to a goal's tasks run in a
 * transaction, as the use cases run them.
 */
public abstract class TasksContract extends StorageContract {
    private static final OptionalLong ANY_VERSION = OptionalLong.empty();
    private static final AgendaQuery EVERY_TASK = new AgendaQuery(Optional.empty(), Optional.empty(), Optional.empty());

    private Tasks tasks;
    private UserId owner;
    private Goal goal;
    private Task a;
    private Task b;
    private Task c;
    private Task d;

    @BeforeEach
    final void aGoalWithFourTasks() {
        tasks = storage.tasks();
        owner = anOwner(storage);
        goal = aGoal(owner).named("Four steps").storedIn(storage);
        a = aTask(goal).saying("A").storedIn(storage);
        b = aTask(goal).saying("B").storedIn(storage);
        c = aTask(goal).saying("C").storedIn(storage);
        d = aTask(goal).saying("D").storedIn(storage);
    }

    @Test
    void givenANewTask_whenReadByItsOwner_thenItComesBackAsWritten() {
        Task dated = aTask(goal).saying("E").withNotes("Some notes").due(TODAY).done().storedIn(storage);

        assertEquals(Optional.of(dated), tasks.byId(owner, dated.id()));
        assertEquals(Optional.of(a), tasks.byId(owner, a.id()));
        assertEquals(Optional.empty(), tasks.byId(owner, new TaskId(UUID.randomUUID())));
        assertEquals(List.of(a, b, c, d, dated), ofGoal(Optional.empty()).items());
    }

    @Test
    void givenFourTasks_whenTheThirdMovesToTheTop_thenTheFirstTwoMoveDownAndPositionsStayOneToFour() {
        move(c, 1);

        assertEquals(List.of("C@1", "A@2", "B@3", "D@4"), positions());
    }

    @Test
    void givenFourTasks_whenTheFirstMovesToThird_thenTheNextTwoMoveUpAndPositionsStayOneToFour() {
        move(a, 3);

        assertEquals(List.of("B@1", "C@2", "A@3", "D@4"), positions());
    }

    @Test
    void givenFourTasks_whenMovedBackAndForth_thenEveryStateIsAPermutationOfOneToFour() {
        move(d, 1);
        move(tasks.byId(owner, b.id()).orElseThrow(), 4);
        move(tasks.byId(owner, d.id()).orElseThrow(), 2);
        move(tasks.byId(owner, c.id()).orElseThrow(), 3);

        assertEquals(List.of("A@1", "D@2", "C@3", "B@4"), positions());
    }

    @Test
    void givenFourTasks_whenOneIsMoved_thenOnlyItsVersionChangesAndTheOthersKeepTheirs() {
        move(c, 1);

        Task moved = tasks.byId(owner, c.id()).orElseThrow();
        assertEquals(c.version() + 1, moved.version());
        assertEquals(a.version(), tasks.byId(owner, a.id()).orElseThrow().version());
        assertEquals(atPosition(b, 3), tasks.byId(owner, b.id()).orElseThrow());
        assertEquals(d, tasks.byId(owner, d.id()).orElseThrow());
    }

    @Test
    void givenFourTasks_whenTheSecondIsDeleted_thenTheGapClosesAndDeletingItAgainMovesNothing() {
        assertTrue(deleted(b, ANY_VERSION));

        assertEquals(List.of("A@1", "C@2", "D@3"), positions());
        assertEquals(Optional.empty(), tasks.byId(owner, b.id()));
        assertFalse(deleted(b, ANY_VERSION));
        assertEquals(List.of("A@1", "C@2", "D@3"), positions());
        assertEquals(new TaskCounts(3, 3), tasks.counts(goal.id()));
    }

    @Test
    void givenATaskChangedSinceVersionOne_whenDeletedAtVersionOne_thenNothingIsDeletedAndNoPositionMoves() {
        Task done = a.edit(new TaskText("A, done"), null, null, true, 1, List.of(), T0.plusSeconds(1));
        updated(done, 1);

        assertFalse(deleted(a, OptionalLong.of(1)));
        assertEquals(Optional.of(done), tasks.byId(owner, a.id()));
        assertEquals(Optional.of(b), tasks.byId(owner, b.id()));

        assertTrue(deleted(done, OptionalLong.of(2)));
        assertEquals(List.of("B@1", "C@2", "D@3"), positions());
    }

    @Test
    void givenATask_whenUpdatedFromTheVersionStored_thenStoredAndFromAnyOtherStaleWithNothingMoved() {
        Task edited = c.edit(new TaskText("C edited"), new Notes("noted"), TODAY, true, 3, List.of(), T0.plusSeconds(1));
        updated(edited, 3);
        Task fromOldVersion = c.edit(new TaskText("Lost update"), null, null, false, 1, List.of(), T0.plusSeconds(2));

        assertThrows(StaleVersionException.class, () -> updated(fromOldVersion, 3));
        assertThrows(StaleVersionException.class, () -> updated(edited, 3), "the same version again");
        Task reopened = edited.edit(edited.text(), null, null, false, 1, List.of(), T0.plusSeconds(3));
        Task twoAhead = reopened.edit(edited.text(), null, null, false, 1, List.of(), T0.plusSeconds(4));
        assertThrows(StaleVersionException.class, () -> updated(twoAhead, 3));

        assertEquals(Optional.of(edited), tasks.byId(owner, c.id()));
        assertEquals(List.of("A@1", "B@2", "C edited@3", "D@4"), positions());
        updated(reopened, 3);
        assertEquals(Optional.of(reopened), tasks.byId(owner, c.id()));
        assertEquals(List.of("C edited@1", "A@2", "B@3", "D@4"), positions());
    }

    @Test
    void givenATaskMovedInATransactionThatFails_whenItRollsBack_thenEveryTaskIsWhereItWas() {
        Task moved = d.edit(d.text(), null, null, false, 1, List.of(), T0.plusSeconds(1));

        assertThrows(IllegalStateException.class, () -> storage.transactions().inTransaction(() -> {
            tasks.update(moved, 4);
            throw new IllegalStateException("the use case fails after the move");
        }));

        assertEquals(List.of(a, b, c, d), ofGoal(Optional.empty()).items());
    }

    @Test
    void givenAGoalsTasksSomeDone_whenCountedOrListedByDone_thenOpenAndDoneAreTold() {
        updated(b.edit(b.text(), null, null, true, 2, List.of(), T0.plusSeconds(1)), 2);

        assertEquals(new TaskCounts(4, 3), tasks.counts(goal.id()));
        assertEquals(List.of("B"), texts(ofGoal(Optional.of(true))));
        Page<Task> open = tasks.ofGoal(owner, goal.id(), Optional.of(false), new PageRequest(1, 2));
        assertEquals(List.of("A", "C"), texts(open));
        assertEquals(3, open.totalItems());
        assertEquals(List.of("D"), texts(tasks.ofGoal(owner, goal.id(), Optional.of(false), new PageRequest(2, 2))));
        assertEquals(new TaskCounts(0, 0), tasks.counts(aGoal(owner).named("Empty").storedIn(storage).id()));
    }

    @Test
    void givenTasksAcrossGoals_whenTheAgendaIsRead_thenByDueDateNoneLastThenPositionThenId() {
        anAgenda();

        assertEquals(List.of("done long ago", "overdue", "today first", "today second", "undated first",
                "undated second, lower id", "undated second, higher id"), texts(agenda(EVERY_TASK, TODAY)));
    }

    @Test
    void givenTasksAcrossGoals_whenTheAgendaIsFiltered_thenDoneDueBeforeAndOverdueSelect() {
        anAgenda();

        assertEquals(List.of("done long ago"), texts(agenda(new AgendaQuery(Optional.of(true), Optional.empty(),
                Optional.empty()), TODAY)));
        assertEquals(List.of("overdue", "today first", "today second", "undated first", "undated second, lower id",
                "undated second, higher id"), texts(agenda(new AgendaQuery(Optional.of(false), Optional.empty(),
                Optional.empty()), TODAY)));
        // strictly before: what is due today is not due before today
        assertEquals(List.of("done long ago", "overdue"), texts(agenda(new AgendaQuery(Optional.empty(), Optional.of(TODAY),
                Optional.empty()), TODAY)));
        assertEquals(List.of("overdue"), texts(agenda(new AgendaQuery(Optional.empty(), Optional.empty(), Optional.of(true)),
                TODAY)));
        assertEquals(List.of("done long ago", "today first", "today second", "undated first", "undated second, lower id",
                "undated second, higher id"), texts(agenda(new AgendaQuery(Optional.empty(), Optional.empty(),
                Optional.of(false)), TODAY)));
        Page<Task> combined = agenda(new AgendaQuery(Optional.of(false), Optional.of(TODAY.plusDays(1)), Optional.of(false)),
                TODAY);
        assertEquals(List.of("today first", "today second"), texts(combined));
        assertEquals(2, combined.totalItems());
        // overdue is relative to the day given
        assertEquals(List.of("overdue", "today first", "today second"), texts(agenda(new AgendaQuery(Optional.empty(),
                Optional.empty(), Optional.of(true)), TODAY.plusDays(1))));
    }

    @Test
    void givenAnAgendaLongerThanAPage_whenPaged_thenEachPageHasItsSliceAndTheTotalIsOfAll() {
        anAgenda();

        Page<Task> second = tasks.agenda(owner, EVERY_TASK, TODAY, new PageRequest(2, 3));

        assertEquals(List.of("today second", "undated first", "undated second, lower id"), texts(second));
        assertEquals(7, second.totalItems());
        assertEquals(List.of(), tasks.agenda(owner, EVERY_TASK, TODAY, new PageRequest(4, 3)).items());
    }

    @Test
    void givenATaskHoldingAttachments_whenReadListedMovedAndUpdated_thenTheyComeBackInOrderAndAreReplaced() {
        Attachment photo = aStoredImage(storage, owner, "route.png");
        Attachment link = aStoredLink(storage, owner, "https://example.com/route");
        Task task = aTask(goal).saying("E").holding(link, photo).storedIn(storage);

        assertEquals(Optional.of(task), tasks.byId(owner, task.id()));
        assertEquals(List.of(a, b, c, d, task), ofGoal(Optional.empty()).items());
        assertEquals(List.of(a, b, c, d, task), tasks.agenda(owner, EVERY_TASK, TODAY, PageRequest.first()).items());

        move(task, 1);
        Task moved = tasks.byId(owner, task.id()).orElseThrow();
        assertEquals(List.of(link, photo), moved.attachments(), "kept by an edit that keeps them");

        Task replaced = moved.edit(moved.text(), null, null, false, 1, List.of(photo), T0.plusSeconds(2));
        updated(replaced, 1);
        assertEquals(Optional.of(replaced), tasks.byId(owner, task.id()));
        assertEquals(List.of(photo), ofGoal(Optional.empty()).items().get(0).attachments());
    }

    @Test
    void givenAnotherOwnersTasks_whenTheIntruderReadsOrListsThem_thenNothingIsFound() {
        UserId intruder = anOwner(storage);

        assertEquals(Optional.empty(), tasks.byId(intruder, a.id()));
        Page<Task> ofGoal = tasks.ofGoal(intruder, goal.id(), Optional.empty(), PageRequest.first());
        assertEquals(List.of(), ofGoal.items());
        assertEquals(0, ofGoal.totalItems());
        Page<Task> agenda = tasks.agenda(intruder, EVERY_TASK, TODAY, PageRequest.first());
        assertEquals(List.of(), agenda.items());
        assertEquals(0, agenda.totalItems());
    }

    @Test
    void givenAnotherOwnersTask_whenTheIntruderUpdatesIt_thenStaleAndNoTaskMoves() {
        UserId intruder = anOwner(storage);
        Task sameSpot = asIntruder(intruder, a, a.position());
        // moving to the top would shift the owner's other tasks: the refused update must leave them where they were
        Task moved = asIntruder(intruder, c, 1);

        assertThrows(StaleVersionException.class, () -> updated(sameSpot, a.position()));
        // outside any transaction of the caller's too: one call of the port is all or nothing
        assertThrows(StaleVersionException.class, () -> tasks.update(moved, c.position()));

        assertEquals(List.of(a, b, c, d), ofGoal(Optional.empty()).items());
    }

    @Test
    void givenAnotherOwnersTask_whenTheIntruderDeletesIt_thenItStaysAndNoTaskMoves() {
        UserId intruder = anOwner(storage);

        assertFalse(deleted(asIntruder(intruder, a, a.position()), ANY_VERSION));
        assertFalse(deleted(asIntruder(intruder, b, b.position()), OptionalLong.of(1)));

        assertEquals(List.of(a, b, c, d), ofGoal(Optional.empty()).items());
    }

    @Test
    void givenAnAccountWithTasks_whenTheAccountIsDeleted_thenItsTasksGoAndAnotherOwnersStay() {
        UserId neighbour = anOwner(storage);
        Task theirs = aTask(aGoal(neighbour).storedIn(storage)).storedIn(storage);

        assertTrue(storage.users().delete(owner, ANY_VERSION));

        assertEquals(Optional.empty(), tasks.byId(owner, a.id()));
        assertEquals(0, tasks.agenda(owner, EVERY_TASK, TODAY, PageRequest.first()).totalItems());
        assertEquals(new TaskCounts(0, 0), tasks.counts(goal.id()));
        assertEquals(Optional.of(theirs), tasks.byId(neighbour, theirs.id()));
    }

    /**
     * A new owner with two goals of tasks, dated and not, done and not; the agenda tests read this owner's. Two
     * undated tasks at the same position tie, and go by id.
     */
    private void anAgenda() {
        owner = anOwner(storage);
        Goal dated = aGoal(owner).named("Dated").storedIn(storage);
        Goal another = aGoal(owner).named("Another").storedIn(storage);
        List<UUID> ids = ascendingIds(2);
        aTask(dated).saying("undated first").storedIn(storage);
        aTask(dated).withId(ids.get(1)).saying("undated second, higher id").storedIn(storage);
        aTask(dated).saying("done long ago").due(TODAY.minusDays(5)).done().storedIn(storage);
        aTask(dated).saying("today second").due(TODAY).storedIn(storage);
        aTask(another).saying("today first").due(TODAY).storedIn(storage);
        aTask(another).withId(ids.get(0)).saying("undated second, lower id").storedIn(storage);
        aTask(another).saying("overdue").due(TODAY.minusDays(2)).storedIn(storage);
        // someone else's tasks never show
        UserId stranger = anOwner(storage);
        Goal theirs = aGoal(stranger).named("Theirs").storedIn(storage);
        aTask(theirs).saying("not mine").due(TODAY.minusDays(9)).storedIn(storage);
    }

    private Page<Task> agenda(AgendaQuery query, LocalDate today) {
        return tasks.agenda(owner, query, today, new PageRequest(1, 100));
    }

    private Page<Task> ofGoal(Optional<Boolean> done) {
        return tasks.ofGoal(owner, goal.id(), done, new PageRequest(1, 100));
    }

    /** The goal's tasks as {@code text@position}, in the order the port lists them. */
    private List<String> positions() {
        return ofGoal(Optional.empty()).items().stream().map(task -> task.text().value() + "@" + task.position()).toList();
    }

    private void move(Task task, int position) {
        Task moved = task.edit(task.text(), task.notes(), task.dueDate(), task.done(), position, task.attachments(),
                T0.plusSeconds(1));
        updated(moved, task.position());
    }

    /** Stores a change to a task in a transaction of its own, as a use case does. */
    private void updated(Task changed, int previousPosition) {
        storage.transactions().inTransaction(() -> {
            tasks.update(changed, previousPosition);
            return null;
        });
    }

    /** Deletes a task in a transaction of its own, as a use case does; whether there was one to delete. */
    private boolean deleted(Task task, OptionalLong expectedVersion) {
        return storage.transactions().inTransaction(() -> tasks.delete(task, expectedVersion));
    }

    private static Task atPosition(Task task, int position) {
        return new Task(task.id(), task.owner(), task.goal(), task.text(), task.notes(), task.dueDate(), task.done(),
                task.completedAt(), position, task.attachments(), task.createdAt(), task.updatedAt(), task.version());
    }

    private static Task asIntruder(UserId intruder, Task task, int position) {
        return new Task(task.id(), intruder, task.goal(), new TaskText("Mine now"), null, null, false, null, position,
                List.of(), task.createdAt(), task.updatedAt(), task.version() + 1);
    }

    private static List<String> texts(Page<Task> page) {
        return page.items().stream().map(task -> task.text().value()).toList();
    }
}
