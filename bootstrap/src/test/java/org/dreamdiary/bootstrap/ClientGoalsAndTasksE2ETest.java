package org.dreamdiary.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.dreamdiary.client.DreamDiaryClient;
import org.dreamdiary.client.error.NotFoundException;
import org.dreamdiary.client.error.PreconditionFailedException;
import org.dreamdiary.client.error.Problem;
import org.dreamdiary.client.error.ValidationException;
import org.dreamdiary.client.model.AgendaQuery;
import org.dreamdiary.client.model.Dream;
import org.dreamdiary.client.model.DreamStatus;
import org.dreamdiary.client.model.Field;
import org.dreamdiary.client.model.Goal;
import org.dreamdiary.client.model.GoalChanges;
import org.dreamdiary.client.model.GoalFromDream;
import org.dreamdiary.client.model.GoalQuery;
import org.dreamdiary.client.model.GoalStatus;
import org.dreamdiary.client.model.NewDream;
import org.dreamdiary.client.model.NewGoal;
import org.dreamdiary.client.model.NewTask;
import org.dreamdiary.client.model.Page;
import org.dreamdiary.client.model.PageRequest;
import org.dreamdiary.client.model.Progress;
import org.dreamdiary.client.model.Task;
import org.dreamdiary.client.model.TaskChanges;
import org.dreamdiary.client.model.TaskQuery;
import org.junit.jupiter.api.Test;

/** The Java client's goals and tasks groups against the running service on PostgreSQL. */
class ClientGoalsAndTasksE2ETest extends ClientTest {
    private static final LocalDate SOME_DAY = LocalDate.of(2031, 5, 1);

    @Test
    void aGoalFormedFromADreamTakesItsNameAndTheDreamIsPursued() {
        DreamDiaryClient client = signedIn();
        Dream dream = client.dreams().create(NewDream.named("Run a marathon")).execute();

        Goal formed = client.goals().formFrom(dream.id(), GoalFromDream.asDreamed()).execute();
        assertThat(formed.name()).isEqualTo("Run a marathon");
        assertThat(formed.dreamId()).isEqualTo(dream.id());
        assertThat(formed.status()).isEqualTo(GoalStatus.ACTIVE);
        assertThat(formed.progress()).isEqualTo(new Progress(0, 0, 0));
        assertThat(formed.links())
                .containsEntry("self", "/api/v1/goals/" + formed.id())
                .containsEntry("tasks", "/api/v1/goals/" + formed.id() + "/tasks")
                .containsEntry("dream", "/api/v1/dreams/" + dream.id());

        Goal named = client.goals().formFrom(dream.id(), GoalFromDream.asDreamed().withName("Run 10 km")
                .withDescription("before the marathon").withDueDate(SOME_DAY)).execute();
        assertThat(named.name()).isEqualTo("Run 10 km");
        assertThat(named.description()).isEqualTo("before the marathon");
        assertThat(named.dueDate()).isEqualTo(SOME_DAY);

        Dream pursued = client.dreams().get(dream.id()).execute();
        assertThat(pursued.status()).isEqualTo(DreamStatus.PURSUING);
        assertThat(pursued.goalCount()).isEqualTo(2);
    }

    @Test
    void aDreamsGoalsArePagedAndStreamAcrossPages() {
        DreamDiaryClient client = signedIn();
        Dream dream = client.dreams().create(NewDream.named("Speak Spanish")).execute();
        List<UUID> formed = IntStream.rangeClosed(1, 5).mapToObj(n -> client.goals()
                .formFrom(dream.id(), GoalFromDream.asDreamed().withName("Lesson " + n)).execute().id()).toList();
        client.goals().create(NewGoal.named("Not of this dream")).execute();

        Page<Goal> first = client.goals().listOfDream(dream.id(), PageRequest.of(1, 2)).execute();
        assertThat(first.items()).hasSize(2);
        assertThat(first.meta().totalItems()).isEqualTo(5);
        assertThat(first.meta().totalPages()).isEqualTo(3);
        assertThat(first.hasNext()).isTrue();

        List<Goal> all = client.goals().allOfDream(dream.id(), PageRequest.of(1, 2)).toList();
        assertThat(all).extracting(Goal::id).containsExactlyInAnyOrderElementsOf(formed);
        assertThat(all.subList(0, 2)).isEqualTo(first.items());
    }

    @Test
    void aGoalIsCreatedReadChangedAndDeletedWithItsTasks() {
        DreamDiaryClient client = signedIn();
        Dream dream = client.dreams().create(NewDream.named("Travel")).execute();

        Goal created = client.goals().create(NewGoal.named(" See Lisbon ").withDescription("in spring")
                .withDueDate(SOME_DAY).withDream(dream.id())).execute();
        assertThat(created.name()).isEqualTo("See Lisbon");
        assertThat(created.dreamId()).isEqualTo(dream.id());
        assertThat(created.status()).isEqualTo(GoalStatus.ACTIVE);
        assertThat(client.goals().get(created.id()).execute()).isEqualTo(created);

        Goal changed = client.goals().update(created.id(), GoalChanges.none().name("See Porto")
                .description(Field.clear()).dueDate(Field.set(SOME_DAY.plusDays(30)))).execute();
        assertThat(changed.name()).isEqualTo("See Porto");
        assertThat(changed.description()).isNull();
        assertThat(changed.dueDate()).isEqualTo(SOME_DAY.plusDays(30));
        assertThat(changed.dreamId()).as("left unchanged").isEqualTo(dream.id());

        Goal detached = client.goals().update(created.id(), GoalChanges.none().dreamId(Field.clear())).execute();
        assertThat(detached.dreamId()).isNull();
        assertThat(detached.links()).containsEntry("dream", null);
        assertThat(client.dreams().get(dream.id()).execute().status()).isEqualTo(DreamStatus.DREAMING);
        Goal abandoned = client.goals().update(created.id(), GoalChanges.none().status(GoalStatus.ABANDONED)
                .dreamId(Field.set(dream.id()))).execute();
        assertThat(abandoned.status()).isEqualTo(GoalStatus.ABANDONED);
        assertThat(client.dreams().get(dream.id()).execute().status())
                .as("all its goals abandoned").isEqualTo(DreamStatus.DREAMING);

        Task task = client.tasks().add(created.id(), NewTask.of("Buy a guide")).execute();
        client.goals().delete(created.id()).execute();
        assertThatThrownBy(() -> client.goals().get(created.id()).execute()).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> client.tasks().get(task.id()).execute())
                .as("its tasks went with it").isInstanceOf(NotFoundException.class);
    }

    @Test
    void goalsAreListedByStatusDreamAndDueDateAndStreamAcrossPages() {
        DreamDiaryClient client = signedIn();
        Dream dream = client.dreams().create(NewDream.named("Garden")).execute();
        Goal ofDream = client.goals().create(NewGoal.named("Plant roses").withDream(dream.id())
                .withDueDate(SOME_DAY)).execute();
        Goal later = client.goals().create(NewGoal.named("Build a shed").withDueDate(SOME_DAY.plusMonths(2))).execute();
        Goal dropped = client.goals().create(NewGoal.named("Dig a pond")).execute();
        client.goals().update(dropped.id(), GoalChanges.none().status(GoalStatus.ABANDONED)).execute();

        assertThat(client.goals().list(GoalQuery.all().ofDream(dream.id())).execute().items())
                .extracting(Goal::id).containsExactly(ofDream.id());
        assertThat(client.goals().list(GoalQuery.all().dueBefore(SOME_DAY.plusDays(1))).execute().items())
                .extracting(Goal::id).containsExactly(ofDream.id());
        assertThat(client.goals().all(GoalQuery.all().status(GoalStatus.ABANDONED)))
                .extracting(Goal::id).containsExactly(dropped.id());

        Page<Goal> first = client.goals().list(GoalQuery.all().page(1, 2)).execute();
        Page<Goal> second = client.goals().list(GoalQuery.all().page(2, 2)).execute();
        assertThat(first.meta().totalPages()).isEqualTo(2);
        assertThat(second.hasNext()).isFalse();
        assertThat(client.goals().all(GoalQuery.all().page(1, 2)))
                .extracting(Goal::id)
                .containsExactlyElementsOf(Stream.concat(first.items().stream(), second.items().stream())
                        .map(Goal::id).toList())
                .containsExactlyInAnyOrder(ofDream.id(), later.id(), dropped.id());
    }

    @Test
    void tasksMoveTheGoalsProgressAndStatusAndTheDreamsStatus() {
        DreamDiaryClient client = signedIn();
        Dream dream = client.dreams().create(NewDream.named("Run a marathon")).execute();
        Goal goal = client.goals().formFrom(dream.id(), GoalFromDream.asDreamed()).execute();

        Task shoes = client.tasks().add(goal.id(), NewTask.of("Buy shoes").withNotes("size 43")).execute();
        assertThat(shoes.goalId()).isEqualTo(goal.id());
        assertThat(shoes.position()).isEqualTo(1);
        assertThat(shoes.done()).isFalse();
        assertThat(shoes.completedAt()).isNull();
        assertThat(shoes.attachments()).isEmpty();
        assertThat(shoes.links()).containsEntry("self", "/api/v1/tasks/" + shoes.id())
                .containsEntry("goal", "/api/v1/goals/" + goal.id());
        assertThat(client.tasks().get(shoes.id()).execute()).isEqualTo(shoes);
        Task fiveKm = client.tasks().add(goal.id(), NewTask.of("Run 5 km")).execute();
        Task tenKm = client.tasks().add(goal.id(), NewTask.of("Run 10 km")).execute();
        assertThat(tenKm.position()).isEqualTo(3);
        assertThat(client.goals().get(goal.id()).execute().progress()).isEqualTo(new Progress(0, 3, 0));

        Task bought = client.tasks().update(shoes.id(), TaskChanges.none().done(true)).execute();
        assertThat(bought.done()).isTrue();
        assertThat(bought.completedAt()).isNotNull();
        assertThat(client.goals().get(goal.id()).execute().progress()).isEqualTo(new Progress(1, 3, 33));
        client.tasks().update(fiveKm.id(), TaskChanges.none().done(true)).execute();
        assertThat(client.goals().get(goal.id()).execute().progress())
                .as("rounded half up").isEqualTo(new Progress(2, 3, 67));

        client.tasks().update(tenKm.id(), TaskChanges.none().done(true)).execute();
        Goal achieved = client.goals().get(goal.id()).execute();
        assertThat(achieved.status()).as("its last open task done").isEqualTo(GoalStatus.ACHIEVED);
        assertThat(achieved.progress()).isEqualTo(new Progress(3, 3, 100));
        assertThat(client.dreams().get(dream.id()).execute().status()).isEqualTo(DreamStatus.ACHIEVED);

        Task reopened = client.tasks().update(tenKm.id(), TaskChanges.none().done(false)).execute();
        assertThat(reopened.completedAt()).isNull();
        assertThat(client.goals().get(goal.id()).execute().status()).isEqualTo(GoalStatus.ACTIVE);
        assertThat(client.dreams().get(dream.id()).execute().status()).isEqualTo(DreamStatus.PURSUING);
        client.tasks().update(tenKm.id(), TaskChanges.none().done(true)).execute();
        client.tasks().add(goal.id(), NewTask.of("Stretch")).execute();
        assertThat(client.goals().get(goal.id()).execute().status())
                .as("a task added to an achieved goal").isEqualTo(GoalStatus.ACTIVE);
    }

    @Test
    void aGoalsTasksAreChangedReorderedFilteredStreamedAndDeleted() {
        DreamDiaryClient client = signedIn();
        Goal goal = client.goals().create(NewGoal.named("Move house")).execute();
        List<Task> tasks = Stream.of("Pack", "Hire a van", "Clean", "Unpack", "Paint")
                .map(text -> client.tasks().add(goal.id(), NewTask.of(text)).execute()).toList();

        Task paint = client.tasks().update(tasks.get(4).id(), TaskChanges.none().position(1).text("Paint walls")
                .notes(Field.set("white")).dueDate(Field.set(SOME_DAY))).execute();
        assertThat(paint.position()).isEqualTo(1);
        assertThat(paint.text()).isEqualTo("Paint walls");
        assertThat(paint.dueDate()).isEqualTo(SOME_DAY);
        Task cleared = client.tasks().update(paint.id(), TaskChanges.none().notes(Field.clear())
                .dueDate(Field.clear())).execute();
        assertThat(cleared.notes()).isNull();
        assertThat(cleared.dueDate()).isNull();
        client.tasks().update(tasks.get(0).id(), TaskChanges.none().done(true)).execute();

        assertThat(client.tasks().allOfGoal(goal.id(), TaskQuery.all().page(1, 2))).extracting(Task::text)
                .containsExactly("Paint walls", "Pack", "Hire a van", "Clean", "Unpack");
        Page<Task> firstOpen = client.tasks().listOfGoal(goal.id(), TaskQuery.all().done(false).page(1, 3)).execute();
        assertThat(firstOpen.items()).extracting(Task::text).containsExactly("Paint walls", "Hire a van", "Clean");
        assertThat(firstOpen.meta().totalItems()).isEqualTo(4);
        assertThat(client.tasks().allOfGoal(goal.id(), TaskQuery.all().done(true)))
                .extracting(Task::text).containsExactly("Pack");

        client.tasks().delete(tasks.get(2).id()).execute();
        assertThatThrownBy(() -> client.tasks().get(tasks.get(2).id()).execute())
                .isInstanceOf(NotFoundException.class);
        assertThat(client.tasks().allOfGoal(goal.id(), TaskQuery.all())).extracting(Task::position)
                .containsExactly(1, 2, 3, 4);
        assertThat(client.goals().get(goal.id()).execute().progress()).isEqualTo(new Progress(1, 4, 25));
    }

    @Test
    void theAgendaListsEveryGoalsTasksByDueDateWithTheirFilters() {
        DreamDiaryClient client = signedIn();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Goal trip = client.goals().create(NewGoal.named("Trip")).execute();
        Goal home = client.goals().create(NewGoal.named("Home")).execute();
        Task late = client.tasks().add(trip.id(), NewTask.of("Book flights").withDueDate(today.minusDays(3))).execute();
        Task soon = client.tasks().add(home.id(), NewTask.of("Paint a door").withDueDate(today.plusDays(3))).execute();
        Task later = client.tasks().add(trip.id(), NewTask.of("Pack").withDueDate(today.plusDays(10))).execute();
        Task undated = client.tasks().add(home.id(), NewTask.of("Read a guide")).execute();
        Task finished = client.tasks().add(home.id(), NewTask.of("Clean").withDueDate(today.minusDays(5))).execute();
        assertThat(late.overdue()).isTrue();
        assertThat(soon.overdue()).isFalse();
        assertThat(client.tasks().update(finished.id(), TaskChanges.none().done(true)).execute().overdue())
                .as("done, so not overdue").isFalse();

        assertThat(client.tasks().all(AgendaQuery.all().page(1, 2))).extracting(Task::id)
                .as("by due date, undated last")
                .containsExactly(finished.id(), late.id(), soon.id(), later.id(), undated.id());
        Page<Task> first = client.tasks().list(AgendaQuery.all().page(1, 2)).execute();
        assertThat(first.meta().totalPages()).isEqualTo(3);
        assertThat(first.hasNext()).isTrue();
        assertThat(client.tasks().list(AgendaQuery.all().overdue(true)).execute().items())
                .extracting(Task::id).containsExactly(late.id());
        assertThat(client.tasks().all(AgendaQuery.all().overdue(false))).extracting(Task::id)
                .containsExactly(finished.id(), soon.id(), later.id(), undated.id());
        assertThat(client.tasks().all(AgendaQuery.all().done(true))).extracting(Task::id)
                .containsExactly(finished.id());
        assertThat(client.tasks().all(AgendaQuery.all().done(false).dueBefore(today))).extracting(Task::id)
                .containsExactly(late.id());
    }

    @Test
    void invalidGoalsAndTasksAreValidationExceptionsNamingTheField() {
        DreamDiaryClient client = signedIn();
        Dream othersDream = signedIn().dreams().create(NewDream.named("Not yours")).execute();
        Dream dream = client.dreams().create(NewDream.named("Mine")).execute();
        Goal goal = client.goals().create(NewGoal.named("Mine")).execute();
        Task task = client.tasks().add(goal.id(), NewTask.of("Only one")).execute();

        assertInvalid(() -> client.goals().create(NewGoal.named("  ")).execute(), "name");
        assertInvalid(() -> client.goals().create(NewGoal.named("Borrowed").withDream(othersDream.id())).execute(),
                "dream_id");
        assertInvalid(() -> client.goals().formFrom(dream.id(), GoalFromDream.asDreamed().withName("")).execute(),
                "name");
        assertInvalid(() -> client.goals().update(goal.id(), GoalChanges.none().dreamId(Field.set(UUID.randomUUID())))
                .execute(), "dream_id");
        assertInvalid(() -> client.tasks().add(goal.id(), NewTask.of("")).execute(), "text");
        assertInvalid(() -> client.tasks().add(goal.id(), NewTask.of("Attach")
                .withAttachments(List.of(UUID.randomUUID()))).execute(), "attachment_ids");
        assertInvalid(() -> client.tasks().update(task.id(), TaskChanges.none().position(2)).execute(), "position");
    }

    @Test
    void anotherUsersOrAMissingGoalOrTaskIsNotFound() {
        DreamDiaryClient owner = signedIn();
        Dream dream = owner.dreams().create(NewDream.named("Private")).execute();
        Goal goal = owner.goals().formFrom(dream.id(), GoalFromDream.asDreamed()).execute();
        Task task = owner.tasks().add(goal.id(), NewTask.of("Secret step")).execute();
        DreamDiaryClient stranger = signedIn();

        Stream.<ThrowingCallable>of(
                () -> stranger.goals().formFrom(dream.id(), GoalFromDream.asDreamed()).execute(),
                () -> stranger.goals().listOfDream(dream.id(), PageRequest.first()).execute(),
                () -> stranger.goals().get(goal.id()).execute(),
                () -> stranger.goals().update(goal.id(), GoalChanges.none().name("Mine now")).execute(),
                () -> stranger.goals().delete(goal.id()).execute(),
                () -> stranger.tasks().add(goal.id(), NewTask.of("Sneak in")).execute(),
                () -> stranger.tasks().listOfGoal(goal.id(), TaskQuery.all()).execute(),
                () -> stranger.tasks().get(task.id()).execute(),
                () -> stranger.tasks().update(task.id(), TaskChanges.none().done(true)).execute(),
                () -> stranger.tasks().delete(task.id()).execute(),
                () -> owner.goals().get(UUID.randomUUID()).execute(),
                () -> owner.tasks().get(UUID.randomUUID()).execute()
        ).forEach(call -> assertThatThrownBy(call).isInstanceOfSatisfying(NotFoundException.class, notFound -> {
            assertThat(notFound.status()).isEqualTo(404);
            assertThat(notFound.requestId()).isNotBlank();
        }));
        assertThat(stranger.tasks().all(AgendaQuery.all())).isEmpty();
        assertThat(owner.goals().get(goal.id()).execute()).extracting(Goal::name, Goal::progress)
                .containsExactly("Private", new Progress(0, 1, 0));
        assertThat(owner.tasks().get(task.id()).execute()).isEqualTo(task);
    }

    @Test
    void aChangeToAStaleGoalIsPreconditionFailedWithTheCurrentGoalAndTheNextChangeSucceeds() {
        DreamDiaryClient mine = signedIn();
        Goal goal = mine.goals().create(NewGoal.named("Write a book")).execute();
        mine.goals().get(goal.id()).execute();
        sameUserElsewhere(mine).goals().update(goal.id(), GoalChanges.none().name("Write a novel")).execute();

        assertThatThrownBy(() -> mine.goals().update(goal.id(), GoalChanges.none().name("Write poems")).execute())
                .isInstanceOfSatisfying(PreconditionFailedException.class, stale ->
                        assertThat(stale.current(Goal.class)).map(Goal::name).contains("Write a novel"));
        assertThat(mine.goals().update(goal.id(), GoalChanges.none().name("Write poems")).execute().name())
                .as("made against the version fetched with the 412").isEqualTo("Write poems");
    }

    @Test
    void deletingAStaleTaskIsPreconditionFailedWithTheCurrentTaskAndTheNextDeleteSucceeds() {
        DreamDiaryClient mine = signedIn();
        Goal goal = mine.goals().create(NewGoal.named("Learn to swim")).execute();
        Task task = mine.tasks().add(goal.id(), NewTask.of("Buy goggles")).execute();
        mine.tasks().get(task.id()).execute();
        sameUserElsewhere(mine).tasks().update(task.id(), TaskChanges.none().done(true)).execute();

        assertThatThrownBy(() -> mine.tasks().delete(task.id()).execute())
                .isInstanceOfSatisfying(PreconditionFailedException.class, stale ->
                        assertThat(stale.current(Task.class)).map(Task::done).contains(true));
        assertThat(mine.tasks().get(task.id()).execute().done()).as("still there").isTrue();
        mine.tasks().delete(task.id()).execute();
        assertThat(mine.tasks().allOfGoal(goal.id(), TaskQuery.all())).isEmpty();
    }

    /** Another client signed in with the same tokens: its changes make {@code client}'s copies stale. */
    private DreamDiaryClient sameUserElsewhere(DreamDiaryClient client) {
        return track(DreamDiaryClient.builder(service.baseUri()).tokens(client.currentTokens().orElseThrow()).build());
    }

    private static void assertInvalid(ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class, invalid -> {
            assertThat(invalid.status()).isEqualTo(422);
            assertThat(invalid.errors()).extracting(Problem.FieldError::field).containsExactly(field);
        });
    }
}
