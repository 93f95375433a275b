package org.dreamdiary.persistence.contract;

import static org.dreamdiary.persistence.contract.TestPlanning.T0;
import static org.dreamdiary.persistence.contract.TestPlanning.aDream;
import static org.dreamdiary.persistence.contract.TestPlanning.aGoal;
import static org.dreamdiary.persistence.contract.TestPlanning.aStoredImage;
import static org.dreamdiary.persistence.contract.TestPlanning.aStoredLink;
import static org.dreamdiary.persistence.contract.TestPlanning.anOwner;
import static org.dreamdiary.persistence.contract.TestPlanning.ascendingIds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.planning.DreamQuery;
import org.dreamdiary.application.planning.DreamQuery.DreamSort;
import org.dreamdiary.application.planning.DreamView;
import org.dreamdiary.application.port.out.planning.Dreams;
import org.dreamdiary.domain.attachment.Attachment;
import org.dreamdiary.domain.error.StaleVersionException;
import org.dreamdiary.domain.planning.Description;
import org.dreamdiary.domain.planning.Dream;
import org.dreamdiary.domain.planning.DreamId;
import org.dreamdiary.domain.planning.DreamStatus;
import org.dreamdiary.domain.planning.Goal;
import org.dreamdiary.domain.planning.GoalStatus;
import org.dreamdiary.domain.planning.Name;
import org.dreamdiary.domain.user.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every implementation of the {@link Dreams} port promises: a dream's goal count and status derived from its
 * goals whenever it is read, filters, full-text search in Russian and English, every order with ties by id, paging,
 * optimistic versions, what a deletion leaves, and that nothing of another owner's is seen or touched.
 */
public abstract class DreamsContract extends StorageContract {
    private static final OptionalLong ANY_VERSION = OptionalLong.empty();

    private Dreams dreams;
    private UserId owner;

    @BeforeEach
    final void aNewOwner() {
        dreams = storage.dreams();
        owner = anOwner(storage);
    }

    @Test
    void givenANewDream_whenReadByItsOwner_thenItComesBackAsWrittenWithNoGoals() {
        Dream described = aDream(owner).named("Sail").describedAs("Around the world").storedIn(storage);
        Dream plain = aDream(owner).named("Swim").storedIn(storage);

        assertEquals(Optional.of(described), dreams.byId(owner, described.id()));
        assertEquals(Optional.of(plain), dreams.byId(owner, plain.id()));
        assertEquals(Optional.of(new DreamView(described, 0, DreamStatus.DREAMING)), dreams.view(owner, described.id()));
        DreamId unknown = new DreamId(UUID.randomUUID());
        assertEquals(Optional.empty(), dreams.byId(owner, unknown));
        assertEquals(Optional.empty(), dreams.view(owner, unknown));
    }

    @Test
    void givenDreamsWithDifferentGoals_whenViewed_thenGoalsAreCountedAndTheStatusDerivedFromThem() {
        Dream none = aDream(owner).named("No goals yet").storedIn(storage);
        Dream pursued = withGoals("Pursued", GoalStatus.ACTIVE, GoalStatus.ACHIEVED, GoalStatus.ABANDONED);
        Dream achieved = withGoals("Achieved", GoalStatus.ACHIEVED, GoalStatus.ABANDONED);
        Dream givenUp = withGoals("Given up", GoalStatus.ABANDONED, GoalStatus.ABANDONED);
        // goals without a dream count for nothing
        aGoal(owner).named("Loose goal").storedIn(storage);

        assertEquals(Optional.of(new DreamView(none, 0, DreamStatus.DREAMING)), dreams.view(owner, none.id()));
        assertEquals(Optional.of(new DreamView(pursued, 3, DreamStatus.PURSUING)), dreams.view(owner, pursued.id()));
        assertEquals(Optional.of(new DreamView(achieved, 2, DreamStatus.ACHIEVED)), dreams.view(owner, achieved.id()));
        assertEquals(Optional.of(new DreamView(givenUp, 2, DreamStatus.DREAMING)), dreams.view(owner, givenUp.id()));
    }

    @Test
    void givenADreamsGoalChanging_whenTheDreamIsViewedOrListed_thenItsCountAndStatusFollowAtOnce() {
        Dream dream = aDream(owner).named("Fly").storedIn(storage);
        Dream other = aDream(owner).named("Swim").storedIn(storage);
        Goal goal = aGoal(owner).of(dream).storedIn(storage);
        assertEquals(DreamStatus.PURSUING, dreams.view(owner, dream.id()).orElseThrow().status());

        Goal achieved = goal.edit(dream.id(), goal.name(), null, null, GoalStatus.ACHIEVED, T0.plusSeconds(1));
        storage.goals().update(achieved);
        assertEquals(new DreamView(dream, 1, DreamStatus.ACHIEVED), dreams.view(owner, dream.id()).orElseThrow());
        assertEquals(List.of(dream), dreams(list(Optional.of(DreamStatus.ACHIEVED), null, DreamSort.NAME_ASC)));

        storage.goals().update(achieved.edit(other.id(), goal.name(), null, null, GoalStatus.ACTIVE, T0.plusSeconds(2)));
        assertEquals(new DreamView(dream, 0, DreamStatus.DREAMING), dreams.view(owner, dream.id()).orElseThrow());
        assertEquals(new DreamView(other, 1, DreamStatus.PURSUING), dreams.view(owner, other.id()).orElseThrow());

        assertTrue(storage.goals().delete(owner, goal.id(), ANY_VERSION));
        assertEquals(new DreamView(other, 0, DreamStatus.DREAMING), dreams.view(owner, other.id()).orElseThrow());
    }

    @Test
    void givenDreamsOfEveryStatus_whenListedByStatus_thenOnlyThoseAreListedAndCounted() {
        Dream none = aDream(owner).named("No goals yet").storedIn(storage);
        Dream givenUp = withGoals("Given up", GoalStatus.ABANDONED);
        Dream pursued = withGoals("Pursued", GoalStatus.ACTIVE, GoalStatus.ABANDONED);
        Dream achieved = withGoals("Achieved", GoalStatus.ACHIEVED);

        assertEquals(List.of(givenUp, none), dreams(list(Optional.of(DreamStatus.DREAMING), null, DreamSort.NAME_ASC)));
        assertEquals(List.of(pursued), dreams(list(Optional.of(DreamStatus.PURSUING), null, DreamSort.NAME_ASC)));
        Page<DreamView> achievedOnly = list(Optional.of(DreamStatus.ACHIEVED), null, DreamSort.NAME_ASC);
        assertEquals(List.of(new DreamView(achieved, 1, DreamStatus.ACHIEVED)), achievedOnly.items());
        assertEquals(1, achievedOnly.totalItems());
        assertEquals(4, list(Optional.empty(), null, DreamSort.NAME_ASC).totalItems());
        Page<DreamView> searchedAndFiltered = list(Optional.of(DreamStatus.DREAMING), "given", DreamSort.NAME_ASC);
        assertEquals(List.of(givenUp), dreams(searchedAndFiltered));
        assertEquals(1, searchedAndFiltered.totalItems());
    }

    @Test
    void givenRussianAndEnglishDreams_whenSearched_thenWordsMatchInEitherLanguagesForms() {
        aDream(owner).named("Мои мечты").createdAt(T0).storedIn(storage);
        aDream(owner).named("Путешествие").describedAs("Исполнить все мечты детства").createdAt(T0.plusSeconds(1))
                .storedIn(storage);
        aDream(owner).named("A dream house").createdAt(T0.plusSeconds(2)).storedIn(storage);
        aDream(owner).named("Sail").describedAs("Dreaming of the open sea").createdAt(T0.plusSeconds(3)).storedIn(storage);
        aDream(owner).named("Марафон").describedAs("Пробежать сорок два километра").createdAt(T0.plusSeconds(4))
                .storedIn(storage);

        assertEquals(List.of("Мои мечты", "Путешествие"), names(search("мечта")));
        assertEquals(List.of("Мои мечты", "Путешествие"), names(search("мечтами")));
        assertEquals(List.of("A dream house", "Sail"), names(search("dreaming")));
        assertEquals(List.of("A dream house", "Sail"), names(search("dreams")));
        assertEquals(List.of("Марафон"), names(search("километры")));
        assertEquals(2, search("мечта").totalItems());
        assertEquals(List.of(), search("парашют").items());
        assertEquals(0, search("парашют").totalItems());
    }

    @Test
    void givenDreams_whenSearchedForSeveralWords_thenEveryWordButTheCommonestMustMatchInNameOrDescription() {
        aDream(owner).named("Sail the seas").describedAs("Around the world in a small boat").createdAt(T0).storedIn(storage);
        aDream(owner).named("Sea dreams").createdAt(T0.plusSeconds(1)).storedIn(storage);
        aDream(owner).named("Sail far").createdAt(T0.plusSeconds(2)).storedIn(storage);
        aDream(owner).named("Море мечты").createdAt(T0.plusSeconds(3)).storedIn(storage);

        assertEquals(List.of("Sail the seas"), names(search("sail sea")));
        assertEquals(List.of("Sail the seas"), names(search("boats sailing")));
        assertEquals(List.of("Sea dreams"), names(search("dreams of the sea")));
        assertEquals(List.of("Море мечты"), names(search("мечты о море")));
        assertEquals(List.of(), names(search("sail moon")));
    }

    @Test
    void givenDreams_whenSearched_thenCaseIsIgnoredAndOnlyWholeWordsMatch() {
        aDream(owner).named("Start a party").createdAt(T0).storedIn(storage);
        aDream(owner).named("Seaside house").createdAt(T0.plusSeconds(1)).storedIn(storage);
        aDream(owner).named("Мировой рекорд").createdAt(T0.plusSeconds(2)).storedIn(storage);
        aDream(owner).named("A DREAM House").createdAt(T0.plusSeconds(3)).storedIn(storage);

        assertEquals(List.of("A DREAM House"), names(search("dream")));
        assertEquals(List.of("Seaside house", "A DREAM House"), names(search("HOUSE")));
        assertEquals(List.of("Мировой рекорд"), names(search("РЕКОРДЫ")));
        assertEquals(List.of(), names(search("art")));
        assertEquals(List.of(), names(search("sea")));
        assertEquals(List.of(), names(search("мир")));
    }

    @Test
    void givenDreams_whenSortedEachWay_thenTheOrderHoldsAndTiesGoById() {
        List<UUID> ids = ascendingIds(4);
        Dream b = aDream(owner).withId(ids.get(0)).named("beta").createdAt(T0.plusSeconds(10)).storedIn(storage);
        Dream a2 = aDream(owner).withId(ids.get(2)).named("Alpha").createdAt(T0).storedIn(storage);
        Dream a1 = aDream(owner).withId(ids.get(1)).named("alpha").createdAt(T0).storedIn(storage);
        Dream c = aDream(owner).withId(ids.get(3)).named("Gamma").createdAt(T0.plusSeconds(20)).storedIn(storage);

        assertEquals(List.of(a1, a2, b, c), dreams(list(Optional.empty(), null, DreamSort.CREATED_ASC)));
        assertEquals(List.of(c, b, a2, a1), dreams(list(Optional.empty(), null, DreamSort.CREATED_DESC)));
        // case is ignored: "Alpha" and "alpha" tie on the name and go by id
        assertEquals(List.of(a1, a2, b, c), dreams(list(Optional.empty(), null, DreamSort.NAME_ASC)));
        assertEquals(List.of(c, b, a2, a1), dreams(list(Optional.empty(), null, DreamSort.NAME_DESC)));
    }

    @Test
    void givenMoreDreamsThanAPage_whenPaged_thenEachPageHasItsSliceAndTheTotalIsOfAll() {
        for (int i = 1; i <= 5; i++) {
            aDream(owner).named("Dream " + i).createdAt(T0.plusSeconds(i)).storedIn(storage);
        }
        DreamQuery query = new DreamQuery(Optional.empty(), Optional.empty(), DreamSort.CREATED_ASC);

        Page<DreamView> second = dreams.list(owner, query, new PageRequest(2, 2));
        Page<DreamView> last = dreams.list(owner, query, new PageRequest(3, 2));
        Page<DreamView> past = dreams.list(owner, query, new PageRequest(4, 2));

        assertEquals(List.of("Dream 3", "Dream 4"), names(second));
        assertEquals(5, second.totalItems());
        assertEquals(3, second.totalPages());
        assertEquals(List.of("Dream 5"), names(last));
        assertEquals(List.of(), past.items());
        assertEquals(5, past.totalItems());
    }

    @Test
    void givenADreamWithGoals_whenDeleted_thenItsGoalsStayWithoutADreamAndOtherwiseAsTheyWere() {
        Dream dream = aDream(owner).named("Learn Spanish").storedIn(storage);
        Goal first = aGoal(owner).of(dream).named("A1").storedIn(storage);
        Goal second = aGoal(owner).of(dream).named("A2").in(GoalStatus.ACHIEVED).storedIn(storage);

        assertTrue(dreams.delete(owner, dream.id(), ANY_VERSION));

        assertEquals(Optional.empty(), dreams.byId(owner, dream.id()));
        assertEquals(Optional.empty(), dreams.view(owner, dream.id()));
        assertEquals(withoutDream(first), storage.goals().view(owner, first.id()).orElseThrow().goal());
        assertEquals(withoutDream(second), storage.goals().view(owner, second.id()).orElseThrow().goal());
        assertFalse(dreams.delete(owner, dream.id(), ANY_VERSION), "already gone");
    }

    @Test
    void givenADreamDeletedInATransactionThatFails_whenItRollsBack_thenTheDreamAndItsGoalsAreAsTheyWere() {
        Dream dream = aDream(owner).named("Learn Spanish").storedIn(storage);
        Goal goal = aGoal(owner).of(dream).storedIn(storage);

        assertThrows(IllegalStateException.class, () -> storage.transactions().inTransaction(() -> {
            dreams.delete(owner, dream.id(), ANY_VERSION);
            throw new IllegalStateException("the use case fails after the delete");
        }));

        assertEquals(Optional.of(new DreamView(dream, 1, DreamStatus.PURSUING)), dreams.view(owner, dream.id()));
        assertEquals(goal, storage.goals().view(owner, goal.id()).orElseThrow().goal());
    }

    @Test
    void givenADream_whenUpdatedFromTheVersionStored_thenTheChangeIsStored() {
        Dream dream = aDream(owner).named("Old name").describedAs("Old description").storedIn(storage);
        Dream renamed = dream.edit(new Name("New name"), null, List.of(), T0.plusSeconds(5));

        dreams.update(renamed);
        Dream described = renamed.edit(renamed.name(), new Description("Now described"), List.of(), T0.plusSeconds(6));
        dreams.update(described);

        assertEquals(Optional.of(described), dreams.byId(owner, dream.id()));
    }

    @Test
    void givenADreamChanged_whenUpdatedFromAnyOtherVersion_thenStaleAndTheStoredDreamIsUnchanged() {
        Dream dream = aDream(owner).named("Sail").storedIn(storage);
        Dream first = dream.edit(new Name("First"), null, List.of(), T0.plusSeconds(1));
        dreams.update(first);

        assertThrows(StaleVersionException.class,
                () -> dreams.update(dream.edit(new Name("Lost"), null, List.of(), T0.plusSeconds(2))));
        assertThrows(StaleVersionException.class, () -> dreams.update(first), "the same version again");
        Dream twoAhead = first.edit(new Name("Two"), null, List.of(), T0.plusSeconds(3))
                .edit(new Name("Three"), null, List.of(), T0.plusSeconds(4));
        assertThrows(StaleVersionException.class, () -> dreams.update(twoAhead));
        assertThrows(StaleVersionException.class,
                () -> dreams.update(aDream(owner).build().edit(new Name("Never stored"), null, List.of(), T0)));

        assertEquals(Optional.of(first), dreams.byId(owner, dream.id()));
    }

    @Test
    void givenADreamChangedSinceVersionOne_whenDeletedAtVersionOne_thenNothingIsDeletedAndAtItsVersionItIs() {
        Dream dream = aDream(owner).named("Sail").storedIn(storage);
        Dream renamed = dream.edit(new Name("Sail far"), null, List.of(), T0.plusSeconds(1));
        dreams.update(renamed);

        assertFalse(dreams.delete(owner, dream.id(), OptionalLong.of(1)));
        assertEquals(Optional.of(renamed), dreams.byId(owner, dream.id()));

        assertTrue(dreams.delete(owner, dream.id(), OptionalLong.of(2)));
        assertEquals(Optional.empty(), dreams.byId(owner, dream.id()));
        assertFalse(dreams.delete(owner, dream.id(), OptionalLong.of(2)), "already gone");
    }

    @Test
    void givenNoExpectedVersion_whenADreamIsDeleted_thenItGoesAtAnyVersion() {
        Dream dream = aDream(owner).named("Sail").storedIn(storage);
        dreams.update(dream.edit(new Name("Sail far"), null, List.of(), T0.plusSeconds(1)));

        assertTrue(dreams.delete(owner, dream.id(), ANY_VERSION));
        assertFalse(dreams.delete(owner, dream.id(), ANY_VERSION));
        assertFalse(dreams.delete(owner, new DreamId(UUID.randomUUID()), ANY_VERSION), "never was");
    }

    @Test
    void givenADreamHoldingAttachments_whenReadListedAndUpdated_thenTheyComeBackInOrderAndAreReplaced() {
        Attachment photo = aStoredImage(storage, owner, "boat.png");
        Attachment first = aStoredLink(storage, owner, "https://example.com/first");
        Attachment second = aStoredLink(storage, owner, "https://example.com/second");
        Dream dream = aDream(owner).named("Sail").holding(second, photo, first).storedIn(storage);

        assertEquals(List.of(second, photo, first), dreams.byId(owner, dream.id()).orElseThrow().attachments());
        assertEquals(dream, dreams.view(owner, dream.id()).orElseThrow().dream());
        assertEquals(List.of(dream), dreams(list(Optional.empty(), null, DreamSort.CREATED_DESC)));

        Dream replaced = dream.edit(dream.name(), null, List.of(first, photo), T0.plusSeconds(1));
        dreams.update(replaced);
        assertEquals(List.of(first, photo), dreams.byId(owner, dream.id()).orElseThrow().attachments());

        Dream emptied = replaced.edit(dream.name(), null, List.of(), T0.plusSeconds(2));
        dreams.update(emptied);
        assertEquals(Optional.of(emptied), dreams.byId(owner, dream.id()));
        assertEquals(Optional.of(first), storage.attachments().byId(owner, first.id()), "detaching deletes no attachment");
    }

    @Test
    void givenAnotherOwnersDream_whenTheIntruderReadsListsUpdatesOrDeletesIt_thenNothingIsFoundOrChanged() {
        Dream dream = aDream(owner).named("Run a marathon").storedIn(storage);
        aGoal(owner).of(dream).storedIn(storage);
        UserId intruder = anOwner(storage);
        Dream forged = new Dream(dream.id(), intruder, new Name("Mine now"), null, List.of(), dream.createdAt(),
                dream.updatedAt(), dream.version() + 1);

        assertEquals(Optional.empty(), dreams.byId(intruder, dream.id()));
        assertEquals(Optional.empty(), dreams.view(intruder, dream.id()));
        Page<DreamView> found = dreams.list(intruder, new DreamQuery(Optional.empty(), Optional.of("marathon"),
                DreamSort.CREATED_DESC), PageRequest.first());
        assertEquals(List.of(), found.items());
        assertEquals(0, found.totalItems());
        assertEquals(0, dreams.list(intruder, new DreamQuery(Optional.of(DreamStatus.PURSUING), Optional.empty(),
                DreamSort.NAME_ASC), PageRequest.first()).totalItems());
        assertThrows(StaleVersionException.class, () -> dreams.update(forged));
        assertFalse(dreams.delete(intruder, dream.id(), ANY_VERSION));
        assertFalse(dreams.delete(intruder, dream.id(), OptionalLong.of(dream.version())));

        assertEquals(Optional.of(new DreamView(dream, 1, DreamStatus.PURSUING)), dreams.view(owner, dream.id()));
    }

    @Test
    void givenAnAccountWithDreams_whenTheAccountIsDeleted_thenItsDreamsGoAndAnotherOwnersStay() {
        Dream dream = aDream(owner).named("Fly").storedIn(storage);
        aGoal(owner).of(dream).storedIn(storage);
        UserId neighbour = anOwner(storage);
        Dream theirs = aDream(neighbour).named("Fly too").storedIn(storage);

        assertTrue(storage.users().delete(owner, ANY_VERSION));

        assertEquals(Optional.empty(), dreams.byId(owner, dream.id()));
        assertEquals(0, list(Optional.empty(), null, DreamSort.CREATED_ASC).totalItems());
        assertEquals(Optional.of(theirs), dreams.byId(neighbour, theirs.id()));
    }

    private Dream withGoals(String name, GoalStatus... statuses) {
        Dream dream = aDream(owner).named(name).storedIn(storage);
        for (GoalStatus status : statuses) {
            aGoal(owner).of(dream).named(name + " " + status).in(status).storedIn(storage);
        }
        return dream;
    }

    private static Goal withoutDream(Goal goal) {
        return new Goal(goal.id(), goal.owner(), null, goal.name(), goal.description(), goal.dueDate(), goal.status(),
                goal.createdAt(), goal.updatedAt(), goal.version());
    }

    /** The owner's dreams matching {@code text}, oldest first. */
    private Page<DreamView> search(String text) {
        return list(Optional.empty(), text, DreamSort.CREATED_ASC);
    }

    private Page<DreamView> list(Optional<DreamStatus> status, String text, DreamSort sort) {
        return dreams.list(owner, new DreamQuery(status, Optional.ofNullable(text), sort), new PageRequest(1, 100));
    }

    private static List<String> names(Page<DreamView> page) {
        return page.items().stream().map(view -> view.dream().name().value()).toList();
    }

    private static List<Dream> dreams(Page<DreamView> page) {
        return page.items().stream().map(DreamView::dream).toList();
    }
}
