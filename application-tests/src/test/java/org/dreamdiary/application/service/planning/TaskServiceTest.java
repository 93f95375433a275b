package org.dreamdiary.application.service.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.dreamdiary.application.service.VersionPreconditions.taskAt;
import static org.dreamdiary.application.service.planning.PlanningWorld.ALICE;
import static org.dreamdiary.application.service.planning.PlanningWorld.ALL;
import static org.dreamdiary.application.service.planning.PlanningWorld.idsOf;
import static org.dreamdiary.application.service.planning.PlanningWorld.BOB;
import static org.dreamdiary.application.service.planning.PlanningWorld.START;
import static org.dreamdiary.application.service.planning.PlanningWorld.TODAY;
import static org.dreamdiary.application.service.planning.PlanningWorld.done;
import static org.dreamdiary.application.service.planning.PlanningWorld.position;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.dreamdiary.application.change.Change;
import org.dreamdiary.application.change.ExpectedVersion;
import org.dreamdiary.application.port.in.planning.AddTask.NewTask;
import org.dreamdiary.application.port.in.planning.UpdateTask.TaskChanges;
import org.dreamdiary.application.service.WatchedTransactions.Call;
import org.dreamdiary.application.service.WatchedTransactions.StoreFailure;
import org.dreamdiary.domain.attachment.Attachment;
import org.dreamdiary.domain.error.FieldError;
import org.dreamdiary.domain.error.NotFoundException;
import org.dreamdiary.domain.error.StaleVersionException;
import org.dreamdiary.domain.error.ValidationException;
import org.dreamdiary.domain.planning.Goal;
import org.dreamdiary.domain.planning.GoalId;
import org.dreamdiary.domain.planning.GoalStatus;
import org.dreamdiary.domain.planning.Notes;
import org.dreamdiary.domain.planning.Task;
import org.dreamdiary.domain.planning.TaskId;
import org.dreamdiary.domain.planning.TaskText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TaskServiceTest {
    private static final Set<String> TASK_WRITES = Set.of("Tasks.add", "Tasks.update", "Tasks.delete");


    @AutoClose
    private final PlanningWorld world = new PlanningWorld();
    private GoalId goal;

    @BeforeEach
    void aliceHasAGoal() {
        goal = world.goal(ALICE, "Learn the violin").goal().id();
    }

    @AfterEach
    void everyTaskWriteHappenedInsideATransactionWithItsGoalLocked() {
        assertThat(world.transactions.writesOutside()).isEmpty();
        assertThat(taskWritesWithoutTheirGoalLocked()).isEmpty();
    }

    /**
     * The task writes not preceded, in their transaction, by the lock of their goal. A goal numbers its tasks, so two
     * transactions moving them must take turns, which the lock makes them do on any store (the kit proves the lock
     * holds). The memory store runs one transaction at a time whatever is locked, so a race could not show a missing
     * lock here; the order of the calls does.
     */
    private List<String> taskWritesWithoutTheirGoalLocked() {
        List<Call> calls = world.transactions.calls();
        List<String> unlocked = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            Call write = calls.get(i);
            if (TASK_WRITES.contains(write.method())) {
                GoalId ofTask = ((Task) write.arg(0)).goal();
                boolean locked = calls.subList(0, i).stream().anyMatch(earlier -> earlier.method().equals("Goals.lock")
                        && earlier.inTransaction() && earlier.transaction() == write.transaction()
                        && earlier.arg(1).equals(ofTask));
                if (!locked) {
                    unlocked.add(write.method());
                }
            }
        }
        return unlocked;
    }

    private GoalStatus goalStatus() {
        return world.goalService.goal(ALICE, goal).goal().status();
    }

    private List<Task> threeTasks() {
        return List.of(world.task(ALICE, goal, "A"), world.task(ALICE, goal, "B"), world.task(ALICE, goal, "C"));
    }

    private int positionOf(Task task) {
        return world.taskService.task(ALICE, task.id()).task().position();
    }

    private Task completeInOneGo(Task task) {
        return world.taskService.update(ALICE, task.id(), done(true), ExpectedVersion.none()).task();
    }

    // adding

    @Test
    void addedTasksTakePositionsOneToNInTheOrderAdded() {
        List<Task> added = threeTasks();

        assertThat(added).extracting(Task::position).containsExactly(1, 2, 3);
        assertThat(world.taskTexts(ALICE, goal)).containsExactly("A", "B", "C");
    }

    @Test
    void aNewTaskIsOpenAtVersionOneAndBelongsToTheGoalAndItsOwner() {
        Task task = world.taskService.add(ALICE, goal,
                new NewTask(new TaskText("Tune it"), new Notes("Use the app"), TODAY.plusDays(1), List.of())).task();

        assertThat(task.goal()).isEqualTo(goal);
        assertThat(task.owner()).isEqualTo(ALICE);
        assertThat(task.done()).isFalse();
        assertThat(task.completedAt()).isNull();
        assertThat(task.notes()).isEqualTo(new Notes("Use the app"));
        assertThat(task.dueDate()).isEqualTo(TODAY.plusDays(1));
        assertThat(task.version()).isEqualTo(1);
        assertThat(task.createdAt()).isEqualTo(START);
        assertThat(world.taskService.task(ALICE, task.id()).task()).isEqualTo(task);
    }

    @Test
    void addingATaskIsOneTransaction() {
        int before = world.transactions.begun();

        world.task(ALICE, goal, "A");

        assertThat(world.transactions.begun()).isEqualTo(before + 1);
    }

    @Test
    void aTaskWithAnUnknownAttachmentIdIsRefusedOnAttachmentIdsAndNothingIsStored() {
        ValidationException refused = catchThrowableOfType(ValidationException.class, () -> world.taskService.add(ALICE,
                goal, new NewTask(new TaskText("A"), null, null, List.of(UUID.randomUUID()))));

        assertThat(refused.errors()).extracting(FieldError::field).containsExactly("attachment_ids");
        assertThat(world.storedTasks()).isZero();
    }

    @Test
    void aTaskHoldsTheOwnersAttachmentsInOrderAndAnUpdateReplacesThem() {
        Attachment plan = world.link(ALICE, "https://example.com/plan");
        Attachment route = world.link(ALICE, "https://example.com/route");

        Task added = world.taskService.add(ALICE, goal, new NewTask(new TaskText("A"), null, null, idsOf(route, plan))).task();
        Task done = world.complete(ALICE, added.id());
        Task replaced = world.taskService.update(ALICE, added.id(), new TaskChanges(Change.unchanged(), Change.unchanged(),
                Change.unchanged(), Change.unchanged(), Change.unchanged(), Change.to(idsOf(plan))), taskAt(2)).task();

        assertThat(added.attachments()).containsExactly(route, plan);
        assertThat(done.attachments()).as("kept when not named").containsExactly(route, plan);
        assertThat(replaced.attachments()).containsExactly(plan);
        assertThat(world.taskService.task(ALICE, added.id()).task().attachments()).containsExactly(plan);
        assertThat(world.taskService.agenda(ALICE, PlanningWorld.WHOLE_AGENDA, ALL).items().get(0).task().attachments())
                .containsExactly(plan);
    }

    @Test
    void aTaskNamingAnotherUsersAttachmentIsRefusedOnAttachmentIdsAndNothingIsStored() {
        Attachment bobs = world.link(BOB, "https://example.com/bobs");

        ValidationException refused = catchThrowableOfType(ValidationException.class, () -> world.taskService.add(ALICE,
                goal, new NewTask(new TaskText("A"), null, null, idsOf(bobs))));

        assertThat(refused.errors()).containsExactly(new FieldError("attachment_ids", "item 0 names no attachment of yours"));
        assertThat(world.storedTasks()).isZero();
    }

    @Test
    void addingATaskToAnotherOwnersGoalIsNotFoundAndStoresNothing() {
        GoalId bobs = world.goal(BOB, "Bob's goal").goal().id();

        assertThatThrownBy(() -> world.task(ALICE, bobs, "Sneaky")).isInstanceOf(NotFoundException.class);
        assertThat(world.storedTasks()).isZero();
    }

    // the goal's status follows its tasks

    @Test
    void completingTheLastOpenTaskAchievesTheGoalInTheSameTransaction() {
        Task first = world.task(ALICE, goal, "A");
        Task last = world.task(ALICE, goal, "B");
        completeInOneGo(first);
        assertThat(goalStatus()).as("one task still open").isEqualTo(GoalStatus.ACTIVE);
        world.clock.advance(Duration.ofMinutes(3));
        int before = world.transactions.begun();

        world.taskService.update(ALICE, last.id(), done(true), taskAt(1));

        assertThat(world.transactions.begun()).isEqualTo(before + 1);
        Goal achieved = world.storedGoal(ALICE, goal);
        assertThat(achieved.status()).isEqualTo(GoalStatus.ACHIEVED);
        assertThat(achieved.version()).isEqualTo(2);
        assertThat(achieved.updatedAt()).isEqualTo(START.plus(Duration.ofMinutes(3)));
    }

    @Test
    void givenTheGoalCannotBeAchieved_whenCompletingItsLastOpenTask_thenTheTaskStaysOpen() {
        Task task = world.task(ALICE, goal, "A");
        world.transactions.failNext("Goals.update");

        assertThatThrownBy(() -> world.complete(ALICE, task.id())).isInstanceOf(StoreFailure.class);

        assertThat(world.taskService.task(ALICE, task.id()).task()).isEqualTo(task);
        assertThat(world.storedGoal(ALICE, goal).status()).isEqualTo(GoalStatus.ACTIVE);
        assertThat(world.storedGoal(ALICE, goal).version()).isEqualTo(1);
    }

    @Test
    void completingATaskThatIsNotTheLastOpenOneLeavesTheGoalUntouched() {
        List<Task> tasks = threeTasks();

        completeInOneGo(tasks.get(1));

        assertThat(world.storedGoal(ALICE, goal).status()).isEqualTo(GoalStatus.ACTIVE);
        assertThat(world.storedGoal(ALICE, goal).version()).isEqualTo(1);
    }

    @Test
    void reopeningATaskOfAnAchievedGoalMakesItActiveInTheSameTransaction() {
        Task task = world.task(ALICE, goal, "A");
        world.complete(ALICE, task.id());
        assertThat(goalStatus()).isEqualTo(GoalStatus.ACHIEVED);
        int before = world.transactions.begun();

        world.taskService.update(ALICE, task.id(), done(false), taskAt(2));

        assertThat(world.transactions.begun()).isEqualTo(before + 1);
        assertThat(goalStatus()).isEqualTo(GoalStatus.ACTIVE);
    }

    @Test
    void addingATaskToAnAchievedGoalMakesItActive() {
        Task task = world.task(ALICE, goal, "A");
        world.complete(ALICE, task.id());
        assertThat(goalStatus()).isEqualTo(GoalStatus.ACHIEVED);

        world.task(ALICE, goal, "B");

        assertThat(goalStatus()).isEqualTo(GoalStatus.ACTIVE);
    }

    @Test
    void completingEveryTaskOfAnAbandonedGoalLeavesItAbandoned() {
        List<Task> tasks = threeTasks();
        world.setStatus(ALICE, goal, GoalStatus.ABANDONED);

        tasks.forEach(task -> world.complete(ALICE, task.id()));

        assertThat(goalStatus()).isEqualTo(GoalStatus.ABANDONED);
        assertThat(world.goalService.goal(ALICE, goal).progress().done()).isEqualTo(3);
    }

    @Test
    void reopeningOrAddingTasksOfAnAbandonedGoalLeavesItAbandoned() {
        Task task = world.task(ALICE, goal, "A");
        world.complete(ALICE, task.id());
        world.setStatus(ALICE, goal, GoalStatus.ABANDONED);

        world.reopen(ALICE, task.id());
        world.task(ALICE, goal, "B");

        assertThat(goalStatus()).isEqualTo(GoalStatus.ABANDONED);
    }

    @Test
    void completingTheLastTaskOfAGoalTheUserAlreadyAchievedKeepsItAchieved() {
        Task task = world.task(ALICE, goal, "A");
        world.setStatus(ALICE, goal, GoalStatus.ACHIEVED);

        world.complete(ALICE, task.id());

        assertThat(goalStatus()).isEqualTo(GoalStatus.ACHIEVED);
    }

    @Test
    void deletingTheOnlyOpenTaskIsNotCompletingItSoTheGoalStaysActive() {
        List<Task> tasks = threeTasks();
        world.complete(ALICE, tasks.get(0).id());
        world.complete(ALICE, tasks.get(1).id());

        world.taskService.delete(ALICE, tasks.get(2).id(), ExpectedVersion.none());

        assertThat(goalStatus()).isEqualTo(GoalStatus.ACTIVE);
        assertThat(world.goalService.goal(ALICE, goal).progress().percent()).isEqualTo(100);
    }

    @ParameterizedTest(name = "{0} of {1} done is {2}%")
    @CsvSource({"0, 0, 0", "0, 3, 0", "1, 8, 13", "3, 8, 38", "1, 3, 33", "2, 3, 67", "1, 2, 50", "5, 8, 63", "4, 4, 100"})
    void progressCountsDoneTasksAndRoundsThePercentHalfUp(int doneTasks, int totalTasks, int percent) {
        for (int i = 1; i <= totalTasks; i++) {
            Task task = world.task(ALICE, goal, "Task " + i);
            if (i <= doneTasks) {
                world.complete(ALICE, task.id());
            }
        }

        var progress = world.goalService.goal(ALICE, goal).progress();

        assertThat(progress.done()).isEqualTo(doneTasks);
        assertThat(progress.total()).isEqualTo(totalTasks);
        assertThat(progress.percent()).isEqualTo(percent);
    }

    // completion time

    @Test
    void completingATaskSetsItsCompletionTimeAndReopeningItClearsIt() {
        Task task = world.task(ALICE, goal, "A");
        Instant completedAt = START.plus(Duration.ofHours(1));
        world.clock.set(completedAt);

        Task completed = world.complete(ALICE, task.id());
        assertThat(completed.done()).isTrue();
        assertThat(completed.completedAt()).isEqualTo(completedAt);
        assertThat(world.taskService.task(ALICE, task.id()).task().completedAt()).isEqualTo(completedAt);

        world.clock.advance(Duration.ofHours(1));
        Task reopened = world.reopen(ALICE, task.id());
        assertThat(reopened.done()).isFalse();
        assertThat(reopened.completedAt()).isNull();
        assertThat(world.taskService.task(ALICE, task.id()).task().completedAt()).isNull();
    }

    @Test
    void editingADoneTaskKeepsItsCompletionTime() {
        Task task = world.task(ALICE, goal, "A");
        world.complete(ALICE, task.id());
        world.clock.advance(Duration.ofDays(1));

        Task edited = world.change(ALICE, task.id(), new TaskChanges(Change.to(new TaskText("A, again")),
                Change.unchanged(), Change.unchanged(), Change.to(true), Change.unchanged(), Change.unchanged()));

        assertThat(edited.completedAt()).isEqualTo(START);
        assertThat(edited.updatedAt()).isEqualTo(START.plus(Duration.ofDays(1)));
    }

    // editing

    @Test
    void anUpdateAppliesChangeSemanticsAndMovesTheVersionOn() {
        Task task = world.taskService.add(ALICE, goal, new NewTask(new TaskText("A"), new Notes("slowly"), TODAY, List.of())).task();
        LocalDate later = TODAY.plusDays(7);

        Task updated = world.taskService.update(ALICE, task.id(), new TaskChanges(Change.unchanged(), Change.to(null),
                Change.to(later), Change.unchanged(), Change.unchanged(), Change.unchanged()), taskAt(1)).task();

        assertThat(updated.text()).isEqualTo(new TaskText("A"));
        assertThat(updated.notes()).isNull();
        assertThat(updated.dueDate()).isEqualTo(later);
        assertThat(updated.version()).isEqualTo(2);
        assertThat(world.taskService.task(ALICE, task.id()).task()).isEqualTo(updated);
    }

    @Test
    void anUpdateBasedOnAnOlderVersionIsStaleAndChangesNothing() {
        Task task = world.task(ALICE, goal, "A");
        Task current = world.complete(ALICE, task.id());

        assertThatThrownBy(() -> world.taskService.update(ALICE, task.id(), done(false), taskAt(1)))
                .isInstanceOf(StaleVersionException.class);

        assertThat(world.taskService.task(ALICE, task.id()).task()).isEqualTo(current);
        assertThat(goalStatus()).isEqualTo(GoalStatus.ACHIEVED);
    }

    @Test
    void anUpdateWithAnUnknownAttachmentIdIsRefusedOnAttachmentIds() {
        Task task = world.task(ALICE, goal, "A");

        ValidationException refused = catchThrowableOfType(ValidationException.class, () -> world.taskService.update(ALICE,
                task.id(), new TaskChanges(Change.unchanged(), Change.unchanged(), Change.unchanged(), Change.to(true),
                        Change.unchanged(), Change.to(List.of(UUID.randomUUID()))), taskAt(1)));

        assertThat(refused.errors()).extracting(FieldError::field).containsExactly("attachment_ids");
        assertThat(world.taskService.task(ALICE, task.id()).task()).isEqualTo(task);
    }

    // positions

    @Test
    void movingATaskFromThreeToOneShiftsTheTasksBetweenDown() {
        List<Task> tasks = List.of(world.task(ALICE, goal, "A"), world.task(ALICE, goal, "B"),
                world.task(ALICE, goal, "C"), world.task(ALICE, goal, "D"));

        Task moved = world.taskService.update(ALICE, tasks.get(2).id(), position(1), taskAt(1)).task();

        assertThat(moved.position()).isEqualTo(1);
        assertThat(world.taskTexts(ALICE, goal)).containsExactly("C", "A", "B", "D");
        assertThat(tasks).extracting(this::positionOf).containsExactly(2, 3, 1, 4);
    }

    @Test
    void movingATaskFromOneToThreeShiftsTheTasksBetweenUp() {
        List<Task> tasks = List.of(world.task(ALICE, goal, "A"), world.task(ALICE, goal, "B"),
                world.task(ALICE, goal, "C"), world.task(ALICE, goal, "D"));

        world.taskService.update(ALICE, tasks.get(0).id(), position(3), taskAt(1));

        assertThat(world.taskTexts(ALICE, goal)).containsExactly("B", "C", "A", "D");
        assertThat(tasks).extracting(this::positionOf).containsExactly(3, 1, 2, 4);
    }

    @Test
    void movingATaskToTheLastPositionIsAllowed() {
        List<Task> tasks = threeTasks();

        world.taskService.update(ALICE, tasks.get(0).id(), position(3), taskAt(1));

        assertThat(world.taskTexts(ALICE, goal)).containsExactly("B", "C", "A");
    }

    @Test
    void movingATaskOfOneGoalLeavesTheTasksOfAnotherWhereTheyAre() {
        GoalId other = world.goal(ALICE, "Read 20 books").goal().id();
        List<Task> tasks = threeTasks();
        Task book1 = world.task(ALICE, other, "Book 1");
        Task book2 = world.task(ALICE, other, "Book 2");

        world.taskService.update(ALICE, tasks.get(2).id(), position(1), taskAt(1));

        assertThat(positionOf(book1)).isEqualTo(1);
        assertThat(positionOf(book2)).isEqualTo(2);
    }

    @ParameterizedTest(name = "position {0} of 3")
    @ValueSource(ints = {0, -1, 4, 100})
    void aPositionOutsideOneToTheNumberOfTasksIsRefusedOnPosition(int wanted) {
        List<Task> tasks = threeTasks();

        ValidationException refused = catchThrowableOfType(ValidationException.class,
                () -> world.taskService.update(ALICE, tasks.get(1).id(), position(wanted), taskAt(1)));

        assertThat(refused.errors()).extracting(FieldError::field).containsExactly("position");
        assertThat(world.taskTexts(ALICE, goal)).containsExactly("A", "B", "C");
        assertThat(world.taskService.task(ALICE, tasks.get(1).id()).task().version()).isEqualTo(1);
    }

    @Test
    void deletingTheMiddleTaskClosesTheGapAndTheNextTaskGoesAtTheEnd() {
        List<Task> tasks = threeTasks();

        world.taskService.delete(ALICE, tasks.get(1).id(), ExpectedVersion.none());

        assertThatThrownBy(() -> world.taskService.task(ALICE, tasks.get(1).id())).isInstanceOf(NotFoundException.class);
        assertThat(world.taskTexts(ALICE, goal)).containsExactly("A", "C");
        assertThat(positionOf(tasks.get(0))).isEqualTo(1);
        assertThat(positionOf(tasks.get(2))).isEqualTo(2);
        assertThat(world.task(ALICE, goal, "D").position()).isEqualTo(3);
    }

    @Test
    void deletingATaskIsOneTransaction() {
        Task task = world.task(ALICE, goal, "A");
        int before = world.transactions.begun();

        world.taskService.delete(ALICE, task.id(), ExpectedVersion.none());

        assertThat(world.transactions.begun()).isEqualTo(before + 1);
        assertThat(world.storedTasks()).isZero();
    }

    // listing and ownership

    @Test
    void aGoalsTasksCanBeListedByWhetherTheyAreDone() {
        List<Task> tasks = threeTasks();
        world.complete(ALICE, tasks.get(1).id());

        assertThat(world.taskService.tasks(ALICE, goal, Optional.of(true), ALL).items())
                .extracting(view -> view.task().id()).containsExactly(tasks.get(1).id());
        assertThat(world.taskService.tasks(ALICE, goal, Optional.of(false), ALL).items())
                .extracting(view -> view.task().id()).containsExactly(tasks.get(0).id(), tasks.get(2).id());
    }

    @Test
    void listingTheTasksOfAnotherOwnersGoalIsNotFound() {
        GoalId bobs = world.goal(BOB, "Bob's goal").goal().id();
        world.task(BOB, bobs, "Bob's task");

        assertThatThrownBy(() -> world.taskService.tasks(ALICE, bobs, Optional.empty(), ALL))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void anotherOwnersTaskIsNotFoundToGetUpdateOrDelete() {
        Task alices = world.task(ALICE, goal, "A");
        TaskId id = alices.id();

        assertThatThrownBy(() -> world.taskService.task(BOB, id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> world.taskService.update(BOB, id, done(true), ExpectedVersion.none())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> world.taskService.delete(BOB, id, ExpectedVersion.none())).isInstanceOf(NotFoundException.class);

        assertThat(world.taskService.task(ALICE, id).task()).isEqualTo(alices);
        assertThat(goalStatus()).isEqualTo(GoalStatus.ACTIVE);
    }
}
