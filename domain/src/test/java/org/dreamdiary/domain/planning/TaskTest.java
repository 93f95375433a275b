package org.dreamdiary.domain.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.dreamdiary.domain.user.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TaskTest {

    private static final TaskId ID = new TaskId(UUID.fromString("00000000-0000-0000-0000-0000000000f1"));
    private static final UserId OWNER = new UserId(UUID.fromString("00000000-0000-0000-0000-000000000001"));
    private static final GoalId GOAL = new GoalId(UUID.fromString("00000000-0000-0000-0000-00000000000a"));
    private static final TaskText TEXT = new TaskText("Run 10 km");
    private static final Notes NOTES = new Notes("Easy pace");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 15);
    private static final Instant CREATED = Instant.parse("2026-11-10T08:00:00Z");
    private static final Instant DONE_AT = Instant.parse("2026-11-12T19:30:00Z");
    private static final Instant LATER = Instant.parse("2026-11-14T07:15:00Z");

    private static Task openTask(LocalDate dueDate) {
        return Task.create(ID, OWNER, GOAL, TEXT, NOTES, dueDate, 1, List.of(), CREATED);
    }

    private static Task doneTask(LocalDate dueDate) {
        return openTask(dueDate).edit(TEXT, NOTES, dueDate, true, 1, List.of(), DONE_AT);
    }

    @Test
    void givenANewTask_whenCreated_thenItIsOpenAtVersionOneWithoutACompletionTime() {
        Task task = Task.create(ID, OWNER, GOAL, TEXT, NOTES, TODAY, 3, List.of(), CREATED);

        assertThat(task.done()).isFalse();
        assertThat(task.completedAt()).isNull();
        assertThat(task.version()).isEqualTo(1);
        assertThat(task.position()).isEqualTo(3);
        assertThat(task.createdAt()).isEqualTo(CREATED);
        assertThat(task.updatedAt()).isEqualTo(CREATED);
        assertThat(task.id()).isEqualTo(ID);
        assertThat(task.owner()).isEqualTo(OWNER);
        assertThat(task.goal()).isEqualTo(GOAL);
        assertThat(task.text()).isEqualTo(TEXT);
        assertThat(task.notes()).isEqualTo(NOTES);
        assertThat(task.dueDate()).isEqualTo(TODAY);
    }

    @Test
    void givenAnOpenTask_whenEditedToDone_thenItIsCompletedNow() {
        Task task = openTask(TODAY).edit(TEXT, NOTES, TODAY, true, 1, List.of(), DONE_AT);

        assertThat(task.done()).isTrue();
        assertThat(task.completedAt()).isEqualTo(DONE_AT);
        assertThat(task.updatedAt()).isEqualTo(DONE_AT);
        assertThat(task.createdAt()).isEqualTo(CREATED);
        assertThat(task.version()).isEqualTo(2);
    }

    @Test
    void givenADoneTask_whenEditedButLeftDone_thenItKeepsItsOriginalCompletionTime() {
        TaskText newText = new TaskText("Run 12 km");

        Task task = doneTask(TODAY).edit(newText, NOTES, TODAY, true, 2, List.of(), LATER);

        assertThat(task.done()).isTrue();
        assertThat(task.completedAt()).isEqualTo(DONE_AT);
        assertThat(task.updatedAt()).isEqualTo(LATER);
        assertThat(task.text()).isEqualTo(newText);
        assertThat(task.position()).isEqualTo(2);
        assertThat(task.version()).isEqualTo(3);
    }

    @Test
    void givenADoneTask_whenReopened_thenItsCompletionTimeIsCleared() {
        Task task = doneTask(TODAY).edit(TEXT, NOTES, TODAY, false, 1, List.of(), LATER);

        assertThat(task.done()).isFalse();
        assertThat(task.completedAt()).isNull();
        assertThat(task.updatedAt()).isEqualTo(LATER);
        assertThat(task.version()).isEqualTo(3);
    }

    @Test
    void givenAnOpenTask_whenEditedButLeftOpen_thenItStillHasNoCompletionTime() {
        Task task = openTask(TODAY).edit(new TaskText("Run 5 km"), new Notes(""), null, false, 4, List.of(), LATER);

        assertThat(task.done()).isFalse();
        assertThat(task.completedAt()).isNull();
        assertThat(task.dueDate()).isNull();
        assertThat(task.position()).isEqualTo(4);
        assertThat(task.version()).isEqualTo(2);
    }

    @Test
    void givenATaskThatWasOpenAndIsNowDone_whenTheChangeIsAsked_thenItIsCompleted() {
        Task before = openTask(TODAY);
        Task after = before.edit(TEXT, NOTES, TODAY, true, 1, List.of(), DONE_AT);

        assertThat(Task.changeBetween(before, after)).contains(TaskChange.COMPLETED);
    }

    @Test
    void givenATaskThatWasDoneAndIsNowOpen_whenTheChangeIsAsked_thenItIsReopened() {
        Task before = doneTask(TODAY);
        Task after = before.edit(TEXT, NOTES, TODAY, false, 1, List.of(), LATER);

        assertThat(Task.changeBetween(before, after)).contains(TaskChange.REOPENED);
    }

    @Test
    void givenAnOpenTaskThatStaysOpen_whenTheChangeIsAsked_thenThereIsNoneTheGoalCaresAbout() {
        Task before = openTask(TODAY);
        Task after = before.edit(new TaskText("Run 8 km"), NOTES, TODAY.plusDays(1), false, 2, List.of(), LATER);

        assertThat(Task.changeBetween(before, after)).isEmpty();
    }

    @Test
    void givenADoneTaskThatStaysDone_whenTheChangeIsAsked_thenThereIsNoneTheGoalCaresAbout() {
        Task before = doneTask(TODAY);
        Task after = before.edit(new TaskText("Run 8 km"), NOTES, TODAY, true, 2, List.of(), LATER);

        assertThat(Task.changeBetween(before, after)).isEmpty();
    }

    @Test
    void givenAnOpenTaskDueYesterday_whenAskedToday_thenItIsOverdue() {
        assertThat(openTask(TODAY.minusDays(1)).overdue(TODAY)).isTrue();
    }

    @Test
    void givenAnOpenTaskDueLongAgo_whenAskedToday_thenItIsOverdue() {
        assertThat(openTask(TODAY.minusYears(1)).overdue(TODAY)).isTrue();
    }

    @Test
    void givenAnOpenTaskDueToday_whenAskedToday_thenItIsNotOverdueYet() {
        assertThat(openTask(TODAY).overdue(TODAY)).isFalse();
    }

    @Test
    void givenAnOpenTaskDueTomorrow_whenAskedToday_thenItIsNotOverdue() {
        assertThat(openTask(TODAY.plusDays(1)).overdue(TODAY)).isFalse();
    }

    @Test
    void givenADoneTaskDueYesterday_whenAskedToday_thenItIsNotOverdue() {
        assertThat(doneTask(TODAY.minusDays(1)).overdue(TODAY)).isFalse();
    }

    @Test
    void givenAnOpenTaskWithoutADueDate_whenAskedToday_thenItIsNotOverdue() {
        assertThat(openTask(null).overdue(TODAY)).isFalse();
    }

    @Test
    void givenAnOpenTaskDueOnTheLastDayOfTheYear_whenAskedOnNewYearsDay_thenItIsOverdue() {
        assertThat(openTask(LocalDate.of(2026, 12, 31)).overdue(LocalDate.of(2027, 1, 1))).isTrue();
    }

    @Test
    void givenADoneTaskWithoutACompletionTime_whenConstructed_thenItIsRefused() {
        assertThatThrownBy(() -> new Task(ID, OWNER, GOAL, TEXT, NOTES, TODAY, true, null, 1, List.of(), CREATED, CREATED, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a task has a completion time exactly when it is done");
    }

    @Test
    void givenAnOpenTaskWithACompletionTime_whenConstructed_thenItIsRefused() {
        assertThatThrownBy(() -> new Task(ID, OWNER, GOAL, TEXT, NOTES, TODAY, false, DONE_AT, 1, List.of(), CREATED, CREATED, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a task has a completion time exactly when it is done");
    }

    @ParameterizedTest(name = "position {0}")
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void givenAPositionBelowOne_whenConstructed_thenTheTaskIsRefused(int position) {
        assertThatThrownBy(() -> new Task(ID, OWNER, GOAL, TEXT, NOTES, TODAY, false, null, position, List.of(), CREATED, CREATED, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("positions start at 1");
    }

    @Test
    void givenATask_whenEditedToPositionZero_thenTheEditIsRefused() {
        Task task = openTask(TODAY);

        assertThatThrownBy(() -> task.edit(TEXT, NOTES, TODAY, false, 0, List.of(), LATER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("positions start at 1");
    }

    @Test
    void givenPositionOne_whenConstructed_thenTheTaskIsTheFirstOfItsGoal() {
        Task task = new Task(ID, OWNER, GOAL, TEXT, NOTES, TODAY, false, null, 1, List.of(), CREATED, CREATED, 1);

        assertThat(task.position()).isEqualTo(1);
    }
}
