package org.dreamdiary.application.service.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.dreamdiary.application.service.VersionPreconditions.goalAt;
import static org.dreamdiary.application.service.planning.PlanningWorld.ALICE;
import static org.dreamdiary.application.service.planning.PlanningWorld.ALL;
import static org.dreamdiary.application.service.planning.PlanningWorld.BOB;
import static org.dreamdiary.application.service.planning.PlanningWorld.START;
import static org.dreamdiary.application.service.planning.PlanningWorld.TODAY;
import static org.dreamdiary.application.service.planning.PlanningWorld.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.dreamdiary.application.change.Change;
import org.dreamdiary.application.change.ExpectedVersion;
import org.dreamdiary.application.port.in.planning.CreateGoal.NewGoal;
import org.dreamdiary.application.planning.GoalView;
import org.dreamdiary.application.planning.GoalQuery;
import org.dreamdiary.application.port.in.planning.UpdateGoal.GoalChanges;
import org.dreamdiary.domain.error.FieldError;
import org.dreamdiary.domain.error.NotFoundException;
import org.dreamdiary.domain.error.StaleVersionException;
import org.dreamdiary.domain.error.ValidationException;
import org.dreamdiary.domain.planning.Description;
import org.dreamdiary.domain.planning.DreamId;
import org.dreamdiary.domain.planning.Goal;
import org.dreamdiary.domain.planning.GoalId;
import org.dreamdiary.domain.planning.GoalStatus;
import org.dreamdiary.domain.planning.Name;
import org.dreamdiary.domain.planning.Progress;
import org.dreamdiary.domain.planning.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class GoalServiceTest {

    private static final LocalDate AUTUMN = LocalDate.of(2024, 9, 30);

    @AutoClose
    private final PlanningWorld world = new PlanningWorld();

    @AfterEach
    void everyWriteHappenedInsideATransaction() {
        assertThat(world.transactions.writesOutside()).isEmpty();
    }

    private static GoalChanges changes(Change<Name> name, Change<Description> description, Change<LocalDate> dueDate,
                                       Change<GoalStatus> status, Change<DreamId> dream) {
        return new GoalChanges(name, description, dueDate, status, dream);
    }

    private static GoalChanges moveTo(DreamId dream) {
        return changes(Change.unchanged(), Change.unchanged(), Change.unchanged(), Change.unchanged(), Change.to(dream));
    }

    @Test
    void aGoalFormedFromADreamTakesTheDreamsNameWhenGivenNone() {
        DreamId dream = world.dream(ALICE, "Speak Spanish").dream().id();

        GoalView formed = world.goalService.formGoal(ALICE, dream, Optional.empty(),
                Optional.of(new Description("B2 by autumn")), Optional.of(AUTUMN));

        Goal goal = formed.goal();
        assertThat(goal.name()).isEqualTo(new Name("Speak Spanish"));
        assertThat(goal.dream()).isEqualTo(dream);
        assertThat(goal.owner()).isEqualTo(ALICE);
        assertThat(goal.description()).isEqualTo(new Description("B2 by autumn"));
        assertThat(goal.dueDate()).isEqualTo(AUTUMN);
        assertThat(world.goalService.goal(ALICE, goal.id())).isEqualTo(formed);
    }

    @Test
    void aGoalFormedFromADreamTakesTheNameItIsGiven() {
        DreamId dream = world.dream(ALICE, "Speak Spanish").dream().id();

        GoalView formed = world.goalService.formGoal(ALICE, dream, Optional.of(new Name("Pass DELE B2")),
                Optional.empty(), Optional.empty());

        assertThat(formed.goal().name()).isEqualTo(new Name("Pass DELE B2"));
        assertThat(formed.goal().description()).isNull();
        assertThat(formed.goal().dueDate()).isNull();
        assertThat(formed.goal().dream()).isEqualTo(dream);
    }

    @Test
    void formingAGoalIsOneTransaction() {
        DreamId dream = world.dream(ALICE, "Speak Spanish").dream().id();
        int before = world.transactions.begun();

        world.goalOf(ALICE, dream);

        assertThat(world.transactions.begun()).isEqualTo(before + 1);
    }

    @Test
    void formingAGoalFromAnotherOwnersDreamIsNotFoundAndStoresNothing() {
        DreamId bobs = world.dream(BOB, "Bob's dream").dream().id();

        assertThatThrownBy(() -> world.goalOf(ALICE, bobs)).isInstanceOf(NotFoundException.class);
        assertThat(world.storedGoals()).isZero();
    }

    @Test
    void aNewGoalIsActiveAtVersionOneWithNoProgress() {
        GoalView created = world.goalService.create(ALICE, new NewGoal(new Name("Read 20 books"), null, AUTUMN, null));

        assertThat(created.goal().status()).isEqualTo(GoalStatus.ACTIVE);
        assertThat(created.goal().dream()).isNull();
        assertThat(created.goal().dueDate()).isEqualTo(AUTUMN);
        assertThat(created.goal().version()).isEqualTo(1);
        assertThat(created.goal().createdAt()).isEqualTo(START);
        assertThat(created.progress()).isEqualTo(new Progress(0, 0));
        assertThat(created.progress().percent()).isZero();
    }

    @Test
    void aGoalCreatedWithTheCallersDreamBelongsToIt() {
        DreamId dream = world.dream(ALICE, "Be well read").dream().id();

        GoalView created = world.goalService.create(ALICE, new NewGoal(new Name("Read 20 books"), null, null, dream));

        assertThat(created.goal().dream()).isEqualTo(dream);
        assertThat(world.dreamService.dream(ALICE, dream).goalCount()).isEqualTo(1);
    }

    @Test
    void creatingAGoalWithAnotherOwnersDreamIsRefusedOnDreamIdAndStoresNothing() {
        DreamId bobs = world.dream(BOB, "Bob's dream").dream().id();

        ValidationException refused = catchThrowableOfType(ValidationException.class,
                () -> world.goalService.create(ALICE, new NewGoal(new Name("Sneaky"), null, null, bobs)));

        assertThat(refused.errors()).extracting(FieldError::field).containsExactly("dream_id");
        assertThat(world.storedGoals()).isZero();
        assertThat(world.dreamService.dream(BOB, bobs).goalCount()).isZero();
    }

    @Test
    void creatingAGoalWithAnUnknownDreamIsRefusedOnDreamId() {
        ValidationException refused = catchThrowableOfType(ValidationException.class, () -> world.goalService.create(ALICE,
                new NewGoal(new Name("Lost"), null, null, new DreamId(UUID.randomUUID()))));

        assertThat(refused.errors()).extracting(FieldError::field).containsExactly("dream_id");
        assertThat(world.storedGoals()).isZero();
    }

    @Test
    void aGoalCanBeAbandonedAndBroughtBackEachTimeAtTheNextVersion() {
        GoalId goal = world.goal(ALICE, "Learn the violin").goal().id();

        GoalView abandoned = world.goalService.update(ALICE, goal, status(GoalStatus.ABANDONED), goalAt(1));
        assertThat(abandoned.goal().status()).isEqualTo(GoalStatus.ABANDONED);
        assertThat(abandoned.goal().version()).isEqualTo(2);

        GoalView back = world.goalService.update(ALICE, goal, status(GoalStatus.ACTIVE), goalAt(2));
        assertThat(back.goal().status()).isEqualTo(GoalStatus.ACTIVE);
        assertThat(back.goal().version()).isEqualTo(3);
        assertThat(world.goalService.goal(ALICE, goal)).isEqualTo(back);
    }

    @Test
    void anUpdateAppliesChangeSemanticsToEveryField() {
        DreamId dream = world.dream(ALICE, "Music").dream().id();
        GoalView created = world.goalService.formGoal(ALICE, dream, Optional.empty(),
                Optional.of(new Description("An hour a day")), Optional.of(AUTUMN));
        world.clock.advance(Duration.ofMinutes(5));

        GoalView updated = world.goalService.update(ALICE, created.goal().id(), changes(Change.to(new Name("Violin")),
                Change.to(null), Change.unchanged(), Change.unchanged(), Change.to(null)), goalAt(1));

        Goal goal = updated.goal();
        assertThat(goal.name()).isEqualTo(new Name("Violin"));
        assertThat(goal.description()).as("cleared").isNull();
        assertThat(goal.dream()).as("detached").isNull();
        assertThat(goal.dueDate()).as("unchanged").isEqualTo(AUTUMN);
        assertThat(goal.status()).as("unchanged").isEqualTo(GoalStatus.ACTIVE);
        assertThat(goal.updatedAt()).isEqualTo(START.plus(Duration.ofMinutes(5)));
        assertThat(goal.createdAt()).isEqualTo(START);
    }

    @Test
    void anUpdateBasedOnAnOlderVersionIsStaleAndChangesNothing() {
        GoalId goal = world.goal(ALICE, "Learn the violin").goal().id();
        GoalView current = world.goalService.update(ALICE, goal, status(GoalStatus.ABANDONED), goalAt(1));

        assertThatThrownBy(() -> world.goalService.update(ALICE, goal, status(GoalStatus.ACHIEVED), goalAt(1)))
                .isInstanceOf(StaleVersionException.class);

        assertThat(world.goalService.goal(ALICE, goal)).isEqualTo(current);
    }

    @Test
    void aGoalCannotBeMovedToAnotherOwnersDream() {
        GoalId goal = world.goal(ALICE, "Learn the violin").goal().id();
        DreamId bobs = world.dream(BOB, "Bob's dream").dream().id();

        ValidationException refused = catchThrowableOfType(ValidationException.class,
                () -> world.goalService.update(ALICE, goal, moveTo(bobs), goalAt(1)));

        assertThat(refused.errors()).extracting(FieldError::field).containsExactly("dream_id");
        assertThat(world.goalService.goal(ALICE, goal).goal().dream()).isNull();
        assertThat(world.goalService.goal(ALICE, goal).goal().version()).isEqualTo(1);
    }

    @Test
    void anotherOwnersGoalIsNotFoundToGetUpdateOrDelete() {
        GoalView alices = world.goal(ALICE, "Learn the violin");
        GoalId id = alices.goal().id();

        assertThatThrownBy(() -> world.goalService.goal(BOB, id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> world.goalService.update(BOB, id, status(GoalStatus.ABANDONED), ExpectedVersion.none()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> world.goalService.delete(BOB, id, ExpectedVersion.none())).isInstanceOf(NotFoundException.class);

        assertThat(world.goalService.goal(ALICE, id)).isEqualTo(alices);
    }

    @Test
    void deletingAGoalDeletesItsTasksButNoOtherGoals() {
        GoalId goal = world.goal(ALICE, "Learn the violin").goal().id();
        GoalId other = world.goal(ALICE, "Read 20 books").goal().id();
        Task scales = world.task(ALICE, goal, "Practise scales");
        Task etude = world.task(ALICE, goal, "Play an etude");
        Task book = world.task(ALICE, other, "Read Dune");

        world.goalService.delete(ALICE, goal, ExpectedVersion.none());

        assertThatThrownBy(() -> world.goalService.goal(ALICE, goal)).isInstanceOf(NotFoundException.class);
        assertThat(world.tasks.byId(ALICE, scales.id())).isEmpty();
        assertThat(world.tasks.byId(ALICE, etude.id())).isEmpty();
        assertThatThrownBy(() -> world.taskService.task(ALICE, scales.id())).isInstanceOf(NotFoundException.class);
        assertThat(world.taskService.agenda(ALICE, PlanningWorld.WHOLE_AGENDA, ALL).items())
                .extracting(view -> view.task().id()).containsExactly(book.id());
    }

    @Test
    void theGoalsOfADreamAreListedNewestFirst() {
        DreamId dream = world.dream(ALICE, "Music").dream().id();
        GoalId first = world.goalOf(ALICE, dream).goal().id();
        world.clock.advance(Duration.ofMinutes(1));
        GoalId second = world.goalOf(ALICE, dream).goal().id();
        world.goal(ALICE, "Unrelated");

        assertThat(world.goalService.list(ALICE, GoalQuery.ofDream(dream), ALL).items())
                .extracting(view -> view.goal().id()).containsExactly(second, first);
    }

    @Test
    void goalsCanBeListedByStatusAndDueDate() {
        GoalId early = world.goalService.create(ALICE, new NewGoal(new Name("Early"), null, TODAY.plusDays(3), null))
                .goal().id();
        GoalId late = world.goalService.create(ALICE, new NewGoal(new Name("Late"), null, TODAY.plusDays(30), null))
                .goal().id();
        GoalId undated = world.goal(ALICE, "Someday").goal().id();
        world.setStatus(ALICE, late, GoalStatus.ABANDONED);

        assertThat(world.goalService.list(ALICE, new GoalQuery(Optional.of(GoalStatus.ACTIVE), Optional.empty(),
                Optional.empty()), ALL).items()).extracting(view -> view.goal().id()).containsExactlyInAnyOrder(early, undated);
        assertThat(world.goalService.list(ALICE, new GoalQuery(Optional.empty(), Optional.empty(),
                Optional.of(TODAY.plusDays(10))), ALL).items()).extracting(view -> view.goal().id()).containsExactly(early);
        assertThat(world.goalService.list(BOB, new GoalQuery(Optional.empty(), Optional.empty(), Optional.empty()), ALL)
                .items()).isEmpty();
    }
}
