package org.dreamdiary.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dreamdiary.adapter.persistence.PlanningFixture.T0;
import static org.dreamdiary.adapter.persistence.PlanningFixture.ordered;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.planning.DreamQuery;
import org.dreamdiary.application.planning.DreamQuery.DreamSort;
import org.dreamdiary.application.planning.DreamView;
import org.dreamdiary.domain.attachment.Attachment;
import org.dreamdiary.domain.error.StaleVersionException;
import org.dreamdiary.domain.planning.Dream;
import org.dreamdiary.domain.planning.DreamStatus;
import org.dreamdiary.domain.planning.Goal;
import org.dreamdiary.domain.planning.GoalStatus;
import org.dreamdiary.domain.planning.Name;
import org.dreamdiary.domain.user.UserId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Dreams on PostgreSQL: the status and goal count aggregated in SQL, filters, full-text search, orders, totals. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbiDreamsTest {
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
    void givenDreamsWithDifferentGoals_whenViewed_thenGoalsAreCountedAndTheStatusDerivedFromThem() {
        Dream none = data.dream(owner, "No goals yet");
        Dream pursued = withGoals("Pursued", GoalStatus.ACTIVE, GoalStatus.ACHIEVED, GoalStatus.ABANDONED);
        Dream achieved = withGoals("Achieved", GoalStatus.ACHIEVED, GoalStatus.ABANDONED);
        Dream givenUp = withGoals("Given up", GoalStatus.ABANDONED, GoalStatus.ABANDONED);
        // another dream's goals and goals without a dream count for nothing here
        data.goal(owner, null, "Loose goal");

        assertThat(data.dreams.view(owner, none.id())).contains(new DreamView(none, 0, DreamStatus.DREAMING));
        assertThat(data.dreams.view(owner, pursued.id())).contains(new DreamView(pursued, 3, DreamStatus.PURSUING));
        assertThat(data.dreams.view(owner, achieved.id())).contains(new DreamView(achieved, 2, DreamStatus.ACHIEVED));
        assertThat(data.dreams.view(owner, givenUp.id())).contains(new DreamView(givenUp, 2, DreamStatus.DREAMING));
    }

    @Test
    void givenDreamsOfEveryStatus_whenListedByStatus_thenOnlyThoseAreListedAndCounted() {
        Dream none = data.dream(owner, "No goals yet");
        Dream givenUp = withGoals("Given up", GoalStatus.ABANDONED);
        Dream pursued = withGoals("Pursued", GoalStatus.ACTIVE, GoalStatus.ABANDONED);
        Dream achieved = withGoals("Achieved", GoalStatus.ACHIEVED);

        assertThat(names(list(Optional.of(DreamStatus.DREAMING), null, DreamSort.NAME_ASC)))
                .containsExactly(givenUp.name().value(), none.name().value());
        assertThat(names(list(Optional.of(DreamStatus.PURSUING), null, DreamSort.NAME_ASC)))
                .containsExactly(pursued.name().value());
        Page<DreamView> achievedOnly = list(Optional.of(DreamStatus.ACHIEVED), null, DreamSort.NAME_ASC);
        assertThat(achievedOnly.items()).containsExactly(new DreamView(achieved, 1, DreamStatus.ACHIEVED));
        assertThat(achievedOnly.totalItems()).isEqualTo(1);
        assertThat(list(Optional.empty(), null, DreamSort.NAME_ASC).totalItems()).isEqualTo(4);
    }

    @Test
    void givenRussianAndEnglishDreams_whenSearched_thenWordsMatchInEitherLanguagesForms() {
        data.dream(owner, "Мои мечты", null, T0);
        data.dream(owner, UUID.randomUUID(), "Путешествие", "Исполнить все мечты детства", T0);
        data.dream(owner, "A dream house", null, T0);
        data.dream(owner, "Sail", "Dreaming of the open sea", T0);
        data.dream(owner, "Марафон", "Пробежать сорок два километра", T0);

        assertThat(names(search("мечта"))).containsExactlyInAnyOrder("Мои мечты", "Путешествие");
        assertThat(names(search("dreaming"))).containsExactlyInAnyOrder("A dream house", "Sail");
        assertThat(names(search("dreams"))).containsExactlyInAnyOrder("A dream house", "Sail");
        assertThat(names(search("километры"))).containsExactly("Марафон");
        assertThat(search("мечта").totalItems()).isEqualTo(2);
        assertThat(search("парашют").items()).isEmpty();
        assertThat(search("парашют").totalItems()).isZero();
    }

    @Test
    void givenDreams_whenSortedEachWay_thenTheOrderHoldsAndTiesGoById() {
        long series = ThreadLocalRandom.current().nextLong();
        Dream b = data.dream(owner, ordered(series, 1), "beta", null, T0.plusSeconds(10));
        Dream a2 = data.dream(owner, ordered(series, 3), "Alpha", null, T0);
        Dream a1 = data.dream(owner, ordered(series, 2), "alpha", null, T0);
        Dream c = data.dream(owner, ordered(series, 4), "Gamma", null, T0.plusSeconds(20));

        assertThat(ids(list(Optional.empty(), null, DreamSort.CREATED_ASC))).containsExactly(a1, a2, b, c);
        assertThat(ids(list(Optional.empty(), null, DreamSort.CREATED_DESC))).containsExactly(c, b, a2, a1);
        // lower case: "Alpha" and "alpha" tie on the name and go by id
        assertThat(ids(list(Optional.empty(), null, DreamSort.NAME_ASC))).containsExactly(a1, a2, b, c);
        assertThat(ids(list(Optional.empty(), null, DreamSort.NAME_DESC))).containsExactly(c, b, a2, a1);
    }

    @Test
    void givenMoreDreamsThanAPage_whenPaged_thenEachPageHasItsSliceAndTheTotalIsOfAll() {
        for (int i = 1; i <= 5; i++) {
            data.dream(owner, ordered(ThreadLocalRandom.current().nextLong(), i), "Dream " + i, null, T0.plusSeconds(i));
        }
        DreamQuery query = new DreamQuery(Optional.empty(), Optional.empty(), DreamSort.CREATED_ASC);

        Page<DreamView> second = data.dreams.list(owner, query, new PageRequest(2, 2));
        Page<DreamView> past = data.dreams.list(owner, query, new PageRequest(4, 2));

        assertThat(names(second)).containsExactly("Dream 3", "Dream 4");
        assertThat(second.totalItems()).isEqualTo(5);
        assertThat(second.totalPages()).isEqualTo(3);
        assertThat(past.items()).isEmpty();
        assertThat(past.totalItems()).isEqualTo(5);
    }

    @Test
    void givenADreamWithGoals_whenDeleted_thenItsGoalsStayWithoutADream() {
        Dream dream = data.dream(owner, "Learn Spanish");
        Goal first = data.goal(owner, dream, "A1");
        Goal second = data.goal(owner, dream, "A2");

        assertThat(data.dreams.delete(owner, dream.id(), OptionalLong.empty())).isTrue();

        assertThat(data.dreams.byId(owner, dream.id())).isEmpty();
        assertThat(data.count("SELECT count(*) FROM goals WHERE id IN (?, ?) AND dream_id IS NULL",
                first.id().value(), second.id().value())).isEqualTo(2);
        assertThat(data.goals.view(owner, first.id()).orElseThrow().goal().dream()).isNull();
        assertThat(data.dreams.delete(owner, dream.id(), OptionalLong.empty())).isFalse();
    }

    @Test
    void givenADream_whenUpdatedFromTheCurrentVersion_thenStoredElseStale() {
        Dream dream = data.dream(owner, "Old name");
        Dream renamed = dream.edit(new Name("New name"), null, List.of(), T0.plusSeconds(5));

        data.dreams.update(renamed);

        assertThat(data.dreams.byId(owner, dream.id())).contains(renamed);
        assertThatThrownBy(() -> data.dreams.update(renamed))
                .isInstanceOf(StaleVersionException.class);
    }

    @Test
    void givenADreamHoldingAttachments_whenReadListedAndUpdated_thenTheyComeBackInOrderAndAreReplaced() {
        Attachment photo = data.image(owner, "boat.png", 800, 600);
        Attachment first = data.link(owner, "https://example.com/first");
        Attachment second = data.link(owner, "https://example.com/second");
        Dream dream = data.dream(owner, "Sail", List.of(second, photo, first));

        assertThat(data.dreams.byId(owner, dream.id()).orElseThrow().attachments()).containsExactly(second, photo, first);
        assertThat(data.dreams.view(owner, dream.id()).orElseThrow().dream()).isEqualTo(dream);
        assertThat(ids(list(Optional.empty(), null, DreamSort.CREATED_DESC))).containsExactly(dream);

        Dream replaced = dream.edit(dream.name(), null, List.of(first, photo), T0.plusSeconds(1));
        data.dreams.update(replaced);
        assertThat(data.dreams.byId(owner, dream.id()).orElseThrow().attachments()).containsExactly(first, photo);

        data.dreams.update(replaced.edit(dream.name(), null, List.of(), T0.plusSeconds(2)));
        assertThat(data.dreams.byId(owner, dream.id()).orElseThrow().attachments()).isEmpty();
        assertThat(data.count("SELECT count(*) FROM dream_attachments WHERE dream_id = ?", dream.id().value())).isZero();
        assertThat(data.count("SELECT count(*) FROM attachments WHERE owner_id = ?", owner.value()))
                .as("detaching deletes no attachment").isEqualTo(3);
    }

    @Test
    void givenAnotherUsersAttachmentLinkedByHand_whenTheDreamIsRead_thenItIsNotShown() {
        UserId stranger = data.owner();
        Attachment strangers = data.link(stranger, "https://example.com/strangers");
        Attachment own = data.link(owner, "https://example.com/own");
        Dream dream = data.dream(owner, "Sail", List.of(own));
        data.jdbi.useHandle(handle -> handle.execute("INSERT INTO dream_attachments (dream_id, attachment_id, position)"
                + " VALUES (?, ?, 2)", dream.id().value(), strangers.id().value()));

        assertThat(data.dreams.byId(owner, dream.id()).orElseThrow().attachments()).containsExactly(own);
        assertThat(ids(list(Optional.empty(), null, DreamSort.CREATED_DESC)).get(0).attachments()).containsExactly(own);
    }

    private Dream withGoals(String name, GoalStatus... statuses) {
        Dream dream = data.dream(owner, name);
        for (GoalStatus status : statuses) {
            data.goal(owner, dream, name + " " + status, null, status, T0);
        }
        return dream;
    }

    private Page<DreamView> search(String text) {
        return list(Optional.empty(), text, DreamSort.CREATED_DESC);
    }

    private Page<DreamView> list(Optional<DreamStatus> status, String text, DreamSort sort) {
        return data.dreams.list(owner, new DreamQuery(status, Optional.ofNullable(text), sort), new PageRequest(1, 100));
    }

    private static List<String> names(Page<DreamView> page) {
        return page.items().stream().map(view -> view.dream().name().value()).toList();
    }

    private static List<Dream> ids(Page<DreamView> page) {
        return page.items().stream().map(DreamView::dream).toList();
    }
}
