package org.dreamdiary.application.service.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dreamdiary.application.service.VersionPreconditions.dreamAt;
import static org.dreamdiary.application.service.VersionPreconditions.entryAt;
import static org.dreamdiary.application.service.VersionPreconditions.goalAt;
import static org.dreamdiary.application.service.VersionPreconditions.taskAt;
import static org.dreamdiary.application.service.planning.PlanningWorld.ALICE;
import static org.dreamdiary.application.service.planning.PlanningWorld.BOB;
import static org.dreamdiary.application.service.planning.PlanningWorld.TODAY;
import static org.dreamdiary.application.service.planning.PlanningWorld.done;
import static org.dreamdiary.application.service.planning.PlanningWorld.status;

import java.util.List;
import org.dreamdiary.application.change.Change;
import org.dreamdiary.application.change.ExpectedVersion;
import org.dreamdiary.application.planning.DreamView;
import org.dreamdiary.application.planning.GoalView;
import org.dreamdiary.application.port.in.diary.UpdateDiaryEntry.EntryChanges;
import org.dreamdiary.application.port.in.diary.WriteDiaryEntry.NewEntry;
import org.dreamdiary.application.port.in.planning.UpdateDream.DreamChanges;
import org.dreamdiary.domain.diary.DiaryEntry;
import org.dreamdiary.domain.diary.DiaryText;
import org.dreamdiary.domain.error.NotFoundException;
import org.dreamdiary.domain.error.StaleVersionException;
import org.dreamdiary.domain.planning.GoalStatus;
import org.dreamdiary.domain.planning.Name;
import org.dreamdiary.domain.planning.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * The version a change expects (its If-Match) is required by the writing statement of the one use case that makes
 * the change: a delete of one expected version reads nothing first, an update writes only the version it read.
 */
class ConditionalPlanningChangesTest {
    private static final DreamChanges RENAME = new DreamChanges(Change.to(new Name("Renamed")), Change.unchanged(),
            Change.unchanged());

    @AutoClose
    private final PlanningWorld world = new PlanningWorld();

    @AfterEach
    void everyWriteHappenedInsideATransaction() {
        assertThat(world.transactions.writesOutside()).isEmpty();
    }

    @Test
    void givenADreamChangedSinceItWasRead_whenDeletingItUnderTheOldVersion_thenStaleAndTheDreamStays() {
        DreamView dream = world.dream(ALICE, "Sail");
        DreamView renamed = world.dreamService.update(ALICE, dream.dream().id(), RENAME, dreamAt(1));

        assertThatThrownBy(() -> world.dreamService.delete(ALICE, dream.dream().id(), dreamAt(1)))
                .isInstanceOf(StaleVersionException.class);

        assertThat(world.dreamService.dream(ALICE, dream.dream().id())).isEqualTo(renamed);
    }

    @Test
    void givenTheCurrentVersion_whenDeletingTheDream_thenItIsGone() {
        DreamView dream = world.dream(ALICE, "Sail");

        world.dreamService.delete(ALICE, dream.dream().id(), dreamAt(1));

        assertThatThrownBy(() -> world.dreamService.dream(ALICE, dream.dream().id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void givenAChangeStoredBehindTheUseCasesBack_whenDeletingAtTheVersionReadBefore_thenTheDeleteFindsNoRowAtIt() {
        DreamView dream = world.dream(ALICE, "Sail");
        // another writer renames the dream after this client read it, straight through the storage
        world.transactions.inTransaction(() -> {
            world.dreams.update(dream.dream().edit(new Name("Overtaken"), null, List.of(), dream.dream().updatedAt()));
            return null;
        });

        assertThatThrownBy(() -> world.dreamService.delete(ALICE, dream.dream().id(), dreamAt(1)))
                .isInstanceOf(StaleVersionException.class).hasMessage("the dream was changed by someone else");

        assertThat(world.dreamService.dream(ALICE, dream.dream().id()).dream().version()).isEqualTo(2);
    }

    @Test
    void givenSeveralExpectedVersions_whenTheDreamIsAtOneOfThem_thenItIsDeletedAndAtNoneOfThem_thenStale() {
        DreamView kept = world.dream(ALICE, "Sail");
        DreamView deleted = world.dream(ALICE, "Fly");

        assertThatThrownBy(() -> world.dreamService.delete(ALICE, kept.dream().id(), ExpectedVersion.oneOf(List.of(2L, 3L))))
                .isInstanceOf(StaleVersionException.class);
        world.dreamService.delete(ALICE, deleted.dream().id(), ExpectedVersion.oneOf(List.of(1L, 2L)));

        assertThat(world.dreamService.dream(ALICE, kept.dream().id())).isEqualTo(kept);
        assertThatThrownBy(() -> world.dreamService.dream(ALICE, deleted.dream().id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void givenAnyVersion_whenTheDreamIsThere_thenItIsChangedAndOnceGone_thenStale() {
        DreamView dream = world.dream(ALICE, "Sail");

        assertThat(world.dreamService.update(ALICE, dream.dream().id(), RENAME, ExpectedVersion.any()).dream().version())
                .isEqualTo(2);
        world.dreamService.delete(ALICE, dream.dream().id(), ExpectedVersion.any());

        assertThatThrownBy(() -> world.dreamService.delete(ALICE, dream.dream().id(), ExpectedVersion.any()))
                .isInstanceOf(StaleVersionException.class).hasMessage("the dream is not there (any more)");
        assertThatThrownBy(() -> world.dreamService.update(ALICE, dream.dream().id(), RENAME, ExpectedVersion.any()))
                .isInstanceOf(StaleVersionException.class);
    }

    @Test
    void givenADeletedDream_whenChangingItUnderACondition_thenStaleButWithoutOneNotFound() {
        DreamView dream = world.dream(ALICE, "Sail");
        world.dreamService.delete(ALICE, dream.dream().id(), ExpectedVersion.none());

        assertThatThrownBy(() -> world.dreamService.update(ALICE, dream.dream().id(), RENAME, dreamAt(1)))
                .isInstanceOf(StaleVersionException.class);
        assertThatThrownBy(() -> world.dreamService.delete(ALICE, dream.dream().id(), dreamAt(1)))
                .isInstanceOf(StaleVersionException.class);
        assertThatThrownBy(() -> world.dreamService.update(ALICE, dream.dream().id(), RENAME, ExpectedVersion.none()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> world.dreamService.delete(ALICE, dream.dream().id(), ExpectedVersion.none()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void givenAnotherOwnersDream_whenChangingItUnderACondition_thenStaleExactlyAsForOneThatDoesNotExist() {
        DreamView alices = world.dream(ALICE, "Sail");

        assertThatThrownBy(() -> world.dreamService.delete(BOB, alices.dream().id(), dreamAt(1)))
                .isInstanceOf(StaleVersionException.class).hasMessage("the dream is not there (any more)");

        assertThat(world.dreamService.dream(ALICE, alices.dream().id())).isEqualTo(alices);
    }

    @Test
    void givenAGoalWhoseProgressMovedSinceItWasRead_whenChangingItAtTheVersionRead_thenTheChangeIsMade() {
        GoalView goal = world.goal(ALICE, "Learn to sail");
        world.task(ALICE, goal.goal().id(), "Find a club");
        // its progress is derived from its tasks: the goal itself, all a change could overwrite, is as it was read
        assertThat(world.goalService.goal(ALICE, goal.goal().id()).progress()).isNotEqualTo(goal.progress());

        GoalView abandoned = world.goalService.update(ALICE, goal.goal().id(), status(GoalStatus.ABANDONED),
                goalAt(goal.goal().version()));

        assertThat(abandoned.goal().status()).isEqualTo(GoalStatus.ABANDONED);
        assertThatThrownBy(() -> world.goalService.delete(ALICE, goal.goal().id(), goalAt(1)))
                .isInstanceOf(StaleVersionException.class);
        world.goalService.delete(ALICE, goal.goal().id(), goalAt(2));
        assertThatThrownBy(() -> world.goalService.goal(ALICE, goal.goal().id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void givenATaskCompletedSinceItWasRead_whenDeletingItUnderTheOldVersion_thenStaleAndTheTaskStays() {
        GoalView goal = world.goal(ALICE, "Learn to sail");
        Task task = world.task(ALICE, goal.goal().id(), "Find a club");
        Task completed = world.taskService.update(ALICE, task.id(), done(true), taskAt(1)).task();

        assertThatThrownBy(() -> world.taskService.delete(ALICE, task.id(), taskAt(1)))
                .isInstanceOf(StaleVersionException.class);
        assertThatThrownBy(() -> world.taskService.update(ALICE, task.id(), done(false), taskAt(1)))
                .isInstanceOf(StaleVersionException.class);

        assertThat(world.taskService.task(ALICE, task.id()).task()).isEqualTo(completed);
        world.taskService.delete(ALICE, task.id(), taskAt(2));
        assertThatThrownBy(() -> world.taskService.delete(ALICE, task.id(), taskAt(2)))
                .isInstanceOf(StaleVersionException.class);
        assertThatThrownBy(() -> world.taskService.delete(ALICE, task.id(), ExpectedVersion.none()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void givenADiaryEntryEditedSinceItWasRead_whenDeletingItUnderTheOldVersion_thenStaleAndTheEntryStays() {
        DiaryEntry entry = world.diaryService.write(ALICE, new NewEntry(TODAY, null, new DiaryText("Sailed"), null,
                List.of(), List.of()));
        DiaryEntry edited = world.diaryService.update(ALICE, entry.id(), new EntryChanges(Change.unchanged(),
                Change.unchanged(), Change.to(new DiaryText("Sailed far")), Change.unchanged(), Change.unchanged(),
                Change.unchanged()), entryAt(1));

        assertThatThrownBy(() -> world.diaryService.delete(ALICE, entry.id(), entryAt(1)))
                .isInstanceOf(StaleVersionException.class);

        assertThat(world.diaryService.entry(ALICE, entry.id())).isEqualTo(edited);
        world.diaryService.delete(ALICE, entry.id(), entryAt(2));
        assertThatThrownBy(() -> world.diaryService.delete(ALICE, entry.id(), entryAt(2)))
                .isInstanceOf(StaleVersionException.class);
    }
}
