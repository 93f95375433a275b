package org.dreamdiary.domain.diary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.dreamdiary.domain.error.InvalidValueException;
import org.dreamdiary.domain.planning.GoalId;
import org.dreamdiary.domain.user.UserId;
import org.junit.jupiter.api.Test;

class DiaryEntryTest {

    private static final DiaryEntryId ID = new DiaryEntryId(UUID.fromString("00000000-0000-0000-0000-0000000000e1"));
    private static final UserId OWNER = new UserId(UUID.fromString("00000000-0000-0000-0000-000000000001"));
    private static final GoalId GOAL_A = new GoalId(UUID.fromString("00000000-0000-0000-0000-00000000000a"));
    private static final GoalId GOAL_B = new GoalId(UUID.fromString("00000000-0000-0000-0000-00000000000b"));
    private static final DiaryTitle TITLE = new DiaryTitle("Long run");
    private static final DiaryText TEXT = new DiaryText("Ran 30 km without stopping.");
    private static final Mood MOOD = new Mood(5);
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 15);
    private static final Instant NOW = Instant.parse("2026-11-15T21:00:00Z");
    private static final Instant LATER = Instant.parse("2026-11-16T06:00:00Z");

    private static DiaryEntry entryOn(LocalDate date) {
        return DiaryEntry.create(ID, OWNER, date, TITLE, TEXT, MOOD, List.of(GOAL_A), List.of(), TODAY, NOW);
    }

    @Test
    void givenTodaysDate_whenAnEntryIsCreated_thenItIsAcceptedAtVersionOne() {
        DiaryEntry entry = entryOn(TODAY);

        assertThat(entry.entryDate()).isEqualTo(TODAY);
        assertThat(entry.version()).isEqualTo(1);
        assertThat(entry.createdAt()).isEqualTo(NOW);
        assertThat(entry.updatedAt()).isEqualTo(NOW);
        assertThat(entry.id()).isEqualTo(ID);
        assertThat(entry.owner()).isEqualTo(OWNER);
        assertThat(entry.title()).isEqualTo(TITLE);
        assertThat(entry.text()).isEqualTo(TEXT);
        assertThat(entry.mood()).isEqualTo(MOOD);
        assertThat(entry.goals()).containsExactly(GOAL_A);
    }

    @Test
    void givenYesterdaysDate_whenAnEntryIsCreated_thenItIsAccepted() {
        assertThat(entryOn(TODAY.minusDays(1)).entryDate()).isEqualTo(TODAY.minusDays(1));
    }

    @Test
    void givenADateLongAgo_whenAnEntryIsCreated_thenItIsAccepted() {
        assertThat(entryOn(LocalDate.of(2001, 1, 1)).entryDate()).isEqualTo(LocalDate.of(2001, 1, 1));
    }

    @Test
    void givenTomorrowsDate_whenAnEntryIsCreated_thenItIsRefusedAsInTheFuture() {
        assertThatThrownBy(() -> entryOn(TODAY.plusDays(1)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("must not be in the future");
    }

    @Test
    void givenNewYearsDayWhileItIsStillNewYearsEve_whenAnEntryIsCreated_thenItIsRefusedAsInTheFuture() {
        LocalDate newYearsEve = LocalDate.of(2026, 12, 31);

        assertThatThrownBy(() -> DiaryEntry.create(ID, OWNER, LocalDate.of(2027, 1, 1), TITLE, TEXT, MOOD, List.of(), List.of(),
                newYearsEve, NOW))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("must not be in the future");
    }

    @Test
    void givenNoTitleMoodOrGoals_whenAnEntryIsCreated_thenItIsAccepted() {
        DiaryEntry entry = DiaryEntry.create(ID, OWNER, TODAY, null, TEXT, null, List.of(), List.of(), TODAY, NOW);

        assertThat(entry.title()).isNull();
        assertThat(entry.mood()).isNull();
        assertThat(entry.goals()).isEmpty();
    }

    @Test
    void givenAnEntry_whenEditedToTomorrow_thenTheEditIsRefusedAsInTheFuture() {
        DiaryEntry entry = entryOn(TODAY.minusDays(3));

        assertThatThrownBy(() -> entry.edit(TODAY.plusDays(1), TITLE, TEXT, MOOD, List.of(), List.of(), TODAY, LATER))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("must not be in the future");
    }

    @Test
    void givenAnEntry_whenEditedToToday_thenItMovesToTodayAtTheNextVersion() {
        DiaryEntry entry = entryOn(TODAY.minusDays(3));
        DiaryText newText = new DiaryText("Ran 32 km, in fact.");
        Mood newMood = new Mood(4);

        DiaryEntry edited = entry.edit(TODAY, null, newText, newMood, List.of(GOAL_B), List.of(), TODAY, LATER);

        assertThat(edited.entryDate()).isEqualTo(TODAY);
        assertThat(edited.title()).isNull();
        assertThat(edited.text()).isEqualTo(newText);
        assertThat(edited.mood()).isEqualTo(newMood);
        assertThat(edited.goals()).containsExactly(GOAL_B);
        assertThat(edited.version()).isEqualTo(2);
        assertThat(edited.createdAt()).isEqualTo(NOW);
        assertThat(edited.updatedAt()).isEqualTo(LATER);
        assertThat(edited.id()).isEqualTo(ID);
        assertThat(edited.owner()).isEqualTo(OWNER);
    }

    @Test
    void givenAnEntry_whenEditedToYesterday_thenTheEditIsAccepted() {
        DiaryEntry edited = entryOn(TODAY).edit(TODAY.minusDays(1), TITLE, TEXT, MOOD, List.of(), List.of(), TODAY, LATER);

        assertThat(edited.entryDate()).isEqualTo(TODAY.minusDays(1));
    }

    @Test
    void givenTheRuleOnItsOwn_whenAskedAboutTodayYesterdayAndTomorrow_thenOnlyTomorrowIsRefused() {
        assertThatCode(() -> DiaryEntry.requireNotFuture(TODAY, TODAY)).doesNotThrowAnyException();
        assertThatCode(() -> DiaryEntry.requireNotFuture(TODAY.minusDays(1), TODAY)).doesNotThrowAnyException();
        assertThatThrownBy(() -> DiaryEntry.requireNotFuture(TODAY.plusDays(1), TODAY))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("must not be in the future");
    }

    @Test
    void givenAMutableListOfGoals_whenTheCallerChangesItAfterCreating_thenTheEntryKeepsTheGoalsItWasGiven() {
        List<GoalId> goals = new ArrayList<>(List.of(GOAL_A));
        DiaryEntry entry = DiaryEntry.create(ID, OWNER, TODAY, TITLE, TEXT, MOOD, goals, List.of(), TODAY, NOW);

        goals.add(GOAL_B);
        goals.remove(GOAL_A);

        assertThat(entry.goals()).containsExactly(GOAL_A);
    }

    @Test
    void givenAMutableListOfGoals_whenTheCallerChangesItAfterEditing_thenTheEntryKeepsTheGoalsItWasGiven() {
        List<GoalId> goals = new ArrayList<>(List.of(GOAL_B));
        DiaryEntry edited = entryOn(TODAY).edit(TODAY, TITLE, TEXT, MOOD, goals, List.of(), TODAY, LATER);

        goals.clear();

        assertThat(edited.goals()).containsExactly(GOAL_B);
    }

    @Test
    void givenAnEntry_whenItsGoalsAreModified_thenTheListRefusesTheChange() {
        DiaryEntry entry = entryOn(TODAY);

        assertThatThrownBy(() -> entry.goals().add(GOAL_B)).isInstanceOf(UnsupportedOperationException.class);
    }
}
