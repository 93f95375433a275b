package org.dreamdiary.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dreamdiary.adapter.persistence.PlanningFixture.T0;
import static org.dreamdiary.adapter.persistence.PlanningFixture.ordered;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import org.assertj.core.data.Offset;
import org.dreamdiary.application.diary.DiaryQuery;
import org.dreamdiary.application.diary.MonthCount;
import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.port.out.diary.DiaryEntries.Totals;
import org.dreamdiary.domain.attachment.Attachment;
import org.dreamdiary.domain.diary.DiaryEntry;
import org.dreamdiary.domain.diary.DiaryText;
import org.dreamdiary.domain.diary.DiaryTitle;
import org.dreamdiary.domain.diary.Mood;
import org.dreamdiary.domain.error.StaleVersionException;
import org.dreamdiary.domain.planning.Goal;
import org.dreamdiary.domain.user.UserId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The diary on PostgreSQL: goal links in order, filters, full-text search, order, and the totals behind the stats. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbiDiaryEntriesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    private PlanningFixture data;
    private UserId owner;

    @BeforeAll
    void migrate() {
        data = PlanningFixture.onFreshSchema();
    }

    @BeforeEach
    void aNewOwner() {
        owner = data.owner();
    }

    @Test
    void givenAnEntryLinkedToGoals_whenReadAndUpdated_thenTheLinksKeepTheirOrderAndAreReplaced() {
        Goal first = data.goal(owner, null, "First");
        Goal second = data.goal(owner, null, "Second");
        Goal third = data.goal(owner, null, "Third");
        DiaryEntry entry = data.entry(owner, TODAY, "Worked on three goals", 4, List.of(second.id(), first.id(), third.id()));

        assertThat(data.diary.byId(owner, entry.id())).contains(entry);
        assertThat(data.diary.byId(owner, entry.id()).orElseThrow().goals()).containsExactly(second.id(), first.id(), third.id());

        DiaryEntry edited = entry.edit(TODAY.minusDays(1), new DiaryTitle("Yesterday"), new DiaryText("Only two"), null,
                List.of(third.id(), first.id()), List.of(), TODAY, T0.plusSeconds(1));
        data.jdbi.useTransaction(handle -> data.diary.update(edited));

        assertThat(data.diary.byId(owner, entry.id())).contains(edited);
        assertThat(data.count("SELECT count(*) FROM diary_entry_goals WHERE entry_id = ?", entry.id().value())).isEqualTo(2);

        DiaryEntry unlinked = edited.edit(edited.entryDate(), null, edited.text(), new Mood(2), List.of(), List.of(), TODAY,
                T0.plusSeconds(2));
        data.jdbi.useTransaction(handle -> data.diary.update(unlinked));

        assertThat(data.diary.byId(owner, entry.id())).contains(unlinked);
        assertThat(data.count("SELECT count(*) FROM diary_entry_goals WHERE entry_id = ?", entry.id().value())).isZero();
    }

    @Test
    void givenAnEntryHoldingAttachments_whenReadListedAndUpdated_thenTheyComeBackInOrderAndAreReplaced() {
        Attachment photo = data.image(owner, "finish.png", 1920, 1080);
        Attachment link = data.link(owner, "https://example.com/results");
        DiaryEntry entry = data.entry(owner, TODAY, "Ran the race.", List.of(photo, link));

        assertThat(data.diary.byId(owner, entry.id())).contains(entry);
        assertThat(data.diary.list(owner, new DiaryQuery(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty()), PageRequest.first()).items()).containsExactly(entry);

        DiaryEntry replaced = entry.edit(TODAY, null, entry.text(), null, List.of(), List.of(link, photo), TODAY,
                T0.plusSeconds(1));
        data.jdbi.useTransaction(handle -> data.diary.update(replaced));
        assertThat(data.diary.byId(owner, entry.id()).orElseThrow().attachments()).containsExactly(link, photo);
    }

    @Test
    void givenAnEntry_whenUpdatedFromAnOldVersion_thenStaleAndItsLinksStay() {
        Goal goal = data.goal(owner, null, "Kept");
        DiaryEntry entry = data.entry(owner, TODAY, "Original", 3, List.of(goal.id()));
        String stored = data.row("diary_entries", entry.id().value());
        DiaryEntry fromOldVersion = new DiaryEntry(entry.id(), owner, TODAY, null, new DiaryText("Lost"), null, List.of(), List.of(),
                T0, T0, 5);

        assertThatThrownBy(() -> data.jdbi.useTransaction(handle -> data.diary.update(fromOldVersion)))
                .isInstanceOf(StaleVersionException.class);

        assertThat(data.row("diary_entries", entry.id().value())).isEqualTo(stored);
        assertThat(data.diary.byId(owner, entry.id())).contains(entry);
        assertThat(data.diary.delete(owner, entry.id(), OptionalLong.empty())).isTrue();
        assertThat(data.count("SELECT count(*) FROM diary_entry_goals WHERE entry_id = ?", entry.id().value())).isZero();
    }

    @Test
    void givenEntriesOnSeveralDays_whenListed_thenNewestDateFirstAndTiesByIdDescending() {
        long series = ThreadLocalRandom.current().nextLong();
        data.entry(owner, ordered(series, 2), TODAY.minusDays(1), null, "yesterday, lower id", 3, List.of());
        data.entry(owner, ordered(series, 1), TODAY, null, "today, lower id", 3, List.of());
        data.entry(owner, ordered(series, 3), TODAY.minusDays(1), null, "yesterday, higher id", 3, List.of());
        data.entry(owner, ordered(series, 4), TODAY, null, "today, higher id", 3, List.of());

        Page<DiaryEntry> all = list(new DiaryQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
        Page<DiaryEntry> second = data.diary.list(owner, new DiaryQuery(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty()), new PageRequest(2, 3));

        assertThat(texts(all)).containsExactly("today, higher id", "today, lower id", "yesterday, higher id", "yesterday, lower id");
        assertThat(texts(second)).containsExactly("yesterday, lower id");
        assertThat(second.totalItems()).isEqualTo(4);
    }

    @Test
    void givenEntries_whenFilteredByDatesAndMood_thenBothEndsAreIncluded() {
        for (int daysAgo = 0; daysAgo < 6; daysAgo++) {
            data.entry(owner, TODAY.minusDays(daysAgo), daysAgo + " days ago", daysAgo % 2 == 0 ? 5 : null, List.of());
        }

        Page<DiaryEntry> between = list(new DiaryQuery(Optional.of(TODAY.minusDays(4)), Optional.of(TODAY.minusDays(2)),
                Optional.empty(), Optional.empty()));
        assertThat(texts(between)).containsExactly("2 days ago", "3 days ago", "4 days ago");
        assertThat(between.totalItems()).isEqualTo(3);
        assertThat(texts(list(new DiaryQuery(Optional.of(TODAY.minusDays(1)), Optional.empty(), Optional.empty(),
                Optional.empty())))).containsExactly("0 days ago", "1 days ago");
        assertThat(texts(list(new DiaryQuery(Optional.empty(), Optional.of(TODAY.minusDays(4)), Optional.empty(),
                Optional.empty())))).containsExactly("4 days ago", "5 days ago");
        Page<DiaryEntry> happy = list(new DiaryQuery(Optional.of(TODAY.minusDays(3)), Optional.empty(), Optional.empty(),
                Optional.of(new Mood(5))));
        assertThat(texts(happy)).containsExactly("0 days ago", "2 days ago");
        assertThat(happy.totalItems()).isEqualTo(2);
    }

    @Test
    void givenRussianAndEnglishEntries_whenSearched_thenTitleAndTextMatchInEitherLanguagesForms() {
        data.entry(owner, TODAY.minusDays(3), "Утренние тренировки", "Бегал по парку", 4, List.of());
        data.entry(owner, TODAY.minusDays(2), null, "Пропустил тренировку, отдыхал", 2, List.of());
        data.entry(owner, TODAY.minusDays(1), "Long runs", "Ran along the river", 5, List.of());
        data.entry(owner, TODAY, null, "Running is my meditation", 5, List.of());

        assertThat(texts(search("тренировка"))).containsExactly("Пропустил тренировку, отдыхал", "Бегал по парку");
        assertThat(texts(search("running"))).containsExactly("Running is my meditation", "Ran along the river");
        assertThat(texts(search("парк"))).containsExactly("Бегал по парку");
        assertThat(search("тренировка").totalItems()).isEqualTo(2);
        assertThat(search("swimming").items()).isEmpty();
    }

    @Test
    void givenEntriesOverMonthsAndYears_whenTotalled_thenCountsAverageMoodDaysAndMonthsInCalendarOrder() {
        data.entry(owner, LocalDate.of(2026, 1, 5), "new year", 4, List.of());
        data.entry(owner, LocalDate.of(2025, 12, 31), "old year", 2, List.of());
        data.entry(owner, LocalDate.of(2026, 1, 5), "same day again", null, List.of());
        data.entry(owner, LocalDate.of(2026, 3, 1), "spring", 5, List.of());
        data.entry(owner, LocalDate.of(2025, 12, 30), "before", null, List.of());
        data.entry(data.owner(), LocalDate.of(2026, 2, 1), "someone else's", 1, List.of());

        Totals totals = data.diary.totals(owner);

        assertThat(totals.entries()).isEqualTo(5);
        // (4 + 2 + 5) / 3: entries without a mood do not count
        assertThat(totals.averageMood().orElseThrow()).isCloseTo(11.0 / 3, Offset.offset(1e-9));
        assertThat(totals.days()).containsExactly(LocalDate.of(2025, 12, 30), LocalDate.of(2025, 12, 31),
                LocalDate.of(2026, 1, 5), LocalDate.of(2026, 3, 1));
        assertThat(totals.months()).containsExactly(new MonthCount(YearMonth.of(2025, 12), 2),
                new MonthCount(YearMonth.of(2026, 1), 2), new MonthCount(YearMonth.of(2026, 3), 1));
    }

    @Test
    void givenNoEntriesOrNoMoods_whenTotalled_thenZeroAndNoAverage() {
        Totals none = data.diary.totals(owner);
        assertThat(none.entries()).isZero();
        assertThat(none.averageMood()).isEmpty();
        assertThat(none.days()).isEmpty();
        assertThat(none.months()).isEmpty();

        data.entry(owner, TODAY, "no mood today", null, List.of());
        assertThat(data.diary.totals(owner).averageMood()).isEmpty();
        assertThat(data.diary.totals(owner).entries()).isEqualTo(1);
    }

    private Page<DiaryEntry> search(String text) {
        return list(new DiaryQuery(Optional.empty(), Optional.empty(), Optional.of(text), Optional.empty()));
    }

    private Page<DiaryEntry> list(DiaryQuery query) {
        return data.diary.list(owner, query, new PageRequest(1, 100));
    }

    private static List<String> texts(Page<DiaryEntry> page) {
        return page.items().stream().map(entry -> entry.text().value()).toList();
    }
}
