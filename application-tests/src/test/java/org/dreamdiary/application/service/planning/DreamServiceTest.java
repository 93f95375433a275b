package org.dreamdiary.application.service.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.dreamdiary.application.service.VersionPreconditions.dreamAt;
import static org.dreamdiary.application.service.planning.PlanningWorld.ALICE;
import static org.dreamdiary.application.service.planning.PlanningWorld.ALL;
import static org.dreamdiary.application.service.planning.PlanningWorld.BOB;
import static org.dreamdiary.application.service.planning.PlanningWorld.START;
import static org.dreamdiary.application.service.planning.PlanningWorld.idsOf;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.dreamdiary.application.change.Change;
import org.dreamdiary.application.change.ExpectedVersion;
import org.dreamdiary.application.port.in.planning.CreateDream.NewDream;
import org.dreamdiary.application.planning.DreamView;
import org.dreamdiary.application.planning.DreamQuery;
import org.dreamdiary.application.planning.DreamQuery.DreamSort;
import org.dreamdiary.application.port.in.planning.UpdateDream.DreamChanges;
import org.dreamdiary.domain.attachment.Attachment;
import org.dreamdiary.domain.error.FieldError;
import org.dreamdiary.domain.error.NotFoundException;
import org.dreamdiary.domain.error.StaleVersionException;
import org.dreamdiary.domain.error.ValidationException;
import org.dreamdiary.domain.planning.Description;
import org.dreamdiary.domain.planning.Dream;
import org.dreamdiary.domain.planning.DreamId;
import org.dreamdiary.domain.planning.DreamStatus;
import org.dreamdiary.domain.planning.GoalStatus;
import org.dreamdiary.domain.planning.Name;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class DreamServiceTest {

    private static final DreamChanges NOTHING =
            new DreamChanges(Change.unchanged(), Change.unchanged(), Change.unchanged());

    @AutoClose
    private final PlanningWorld world = new PlanningWorld();

    @AfterEach
    void everyWriteHappenedInsideATransaction() {
        assertThat(world.transactions.writesOutside()).isEmpty();
    }

    private DreamView aliceDreamsOfTheSea() {
        return world.dreamService.create(ALICE,
                new NewDream(new Name("See the sea"), new Description("The Black Sea, in June"), List.of()));
    }

    @Test
    void aNewDreamHasNoGoalsIsDreamingAndStartsAtVersionOne() {
        DreamView created = aliceDreamsOfTheSea();

        assertThat(created.goalCount()).isZero();
        assertThat(created.status()).isEqualTo(DreamStatus.DREAMING);
        Dream dream = created.dream();
        assertThat(dream.owner()).isEqualTo(ALICE);
        assertThat(dream.name()).isEqualTo(new Name("See the sea"));
        assertThat(dream.description()).isEqualTo(new Description("The Black Sea, in June"));
        assertThat(dream.createdAt()).isEqualTo(START);
        assertThat(dream.updatedAt()).isEqualTo(START);
        assertThat(dream.version()).isEqualTo(1);
        assertThat(world.dreamService.dream(ALICE, dream.id())).isEqualTo(created);
    }

    @Test
    void creatingADreamIsOneTransaction() {
        aliceDreamsOfTheSea();

        assertThat(world.transactions.begun()).isEqualTo(1);
        assertThat(world.transactions.rolledBack()).isZero();
    }

    @Test
    void aDreamMayHaveNoDescription() {
        DreamView created = world.dreamService.create(ALICE, new NewDream(new Name("Fly"), null, List.of()));

        assertThat(created.dream().description()).isNull();
    }

    @Test
    void anUnknownAttachmentIdIsRefusedOnAttachmentIdsAndNothingIsStored() {
        ValidationException refused = catchThrowableOfType(ValidationException.class,
                () -> world.dreamService.create(ALICE, new NewDream(new Name("Fly"), null, List.of(UUID.randomUUID()))));

        assertThat(refused.errors()).extracting(FieldError::field).containsExactly("attachment_ids");
        assertThat(world.storedDreams()).isZero();
        assertThat(world.dreamService.list(ALICE, newestFirst(), ALL).items()).isEmpty();
    }

    @Test
    void anUpdateWithAnUnknownAttachmentIdIsRefusedOnAttachmentIdsAndChangesNothing() {
        DreamView created = aliceDreamsOfTheSea();
        DreamChanges withAttachment = new DreamChanges(Change.to(new Name("See the ocean")), Change.unchanged(),
                Change.to(List.of(UUID.randomUUID())));

        ValidationException refused = catchThrowableOfType(ValidationException.class,
                () -> world.dreamService.update(ALICE, created.dream().id(), withAttachment, dreamAt(1)));

        assertThat(refused.errors()).extracting(FieldError::field).containsExactly("attachment_ids");
        assertThat(world.dreamService.dream(ALICE, created.dream().id())).isEqualTo(created);
    }

    @Test
    void aDreamHoldsTheOwnersAttachmentsInTheOrderGiven() {
        Attachment map = world.link(ALICE, "https://example.com/map");
        Attachment boat = world.link(ALICE, "https://example.com/boat");

        DreamView created = world.dreamService.create(ALICE, new NewDream(new Name("Sail"), null, idsOf(boat, map)));

        assertThat(created.dream().attachments()).containsExactly(boat, map);
        assertThat(world.dreamService.dream(ALICE, created.dream().id()).dream().attachments()).containsExactly(boat, map);
        assertThat(world.dreamService.list(ALICE, newestFirst(), ALL).items().get(0).dream().attachments())
                .containsExactly(boat, map);
    }

    @Test
    void anotherUsersAttachmentIsRefusedOnAttachmentIdsNamingTheItemsAndNothingIsStored() {
        Attachment own = world.link(ALICE, "https://example.com/own");
        Attachment bobs = world.link(BOB, "https://example.com/bobs");

        ValidationException refused = catchThrowableOfType(ValidationException.class, () -> world.dreamService.create(ALICE,
                new NewDream(new Name("Fly"), null, List.of(own.id().value(), bobs.id().value(), UUID.randomUUID()))));

        assertThat(refused.errors()).containsExactly(new FieldError("attachment_ids", "items 1, 2 name no attachment of yours"));
        assertThat(world.storedDreams()).isZero();
    }

    @Test
    void aRepeatedAttachmentIsRefusedOnAttachmentIds() {
        Attachment own = world.link(ALICE, "https://example.com/own");

        ValidationException refused = catchThrowableOfType(ValidationException.class, () -> world.dreamService.create(ALICE,
                new NewDream(new Name("Fly"), null, idsOf(own, own))));

        assertThat(refused.errors()).containsExactly(new FieldError("attachment_ids", "must not repeat an attachment"));
    }

    @Test
    void anUpdateWithAttachmentIdsReplacesThemAndOneWithoutKeepsThem() {
        Attachment first = world.link(ALICE, "https://example.com/1");
        Attachment second = world.link(ALICE, "https://example.com/2");
        DreamView created = world.dreamService.create(ALICE, new NewDream(new Name("Sail"), null, idsOf(first)));

        DreamView replaced = world.dreamService.update(ALICE, created.dream().id(),
                new DreamChanges(Change.unchanged(), Change.unchanged(), Change.to(idsOf(second, first))), dreamAt(1));
        DreamView renamed = world.dreamService.update(ALICE, created.dream().id(),
                new DreamChanges(Change.to(new Name("Sail far")), Change.unchanged(), Change.unchanged()), dreamAt(2));
        DreamView emptied = world.dreamService.update(ALICE, created.dream().id(),
                new DreamChanges(Change.unchanged(), Change.unchanged(), Change.to(List.of())), dreamAt(3));

        assertThat(replaced.dream().attachments()).containsExactly(second, first);
        assertThat(renamed.dream().attachments()).containsExactly(second, first);
        assertThat(emptied.dream().attachments()).isEmpty();
    }

    @Test
    void deletingAnAttachmentDetachesItFromTheDreamAtANewVersion() {
        Attachment kept = world.link(ALICE, "https://example.com/kept");
        Attachment gone = world.link(ALICE, "https://example.com/gone");
        DreamView created = world.dreamService.create(ALICE, new NewDream(new Name("Sail"), null, idsOf(gone, kept)));

        world.attachmentService.delete(ALICE, gone.id(), ExpectedVersion.none());

        Dream after = world.dreamService.dream(ALICE, created.dream().id()).dream();
        assertThat(after.attachments()).containsExactly(kept);
        assertThat(after.version()).isEqualTo(2);
    }

    @Test
    void anUpdateClearsTheDescriptionWithAChangeToNullKeepsUnchangedFieldsAndMovesTheVersionOn() {
        DreamView created = aliceDreamsOfTheSea();
        world.clock.advance(Duration.ofHours(2));

        DreamView updated = world.dreamService.update(ALICE, created.dream().id(),
                new DreamChanges(Change.unchanged(), Change.to(null), Change.unchanged()), dreamAt(1));

        Dream dream = updated.dream();
        assertThat(dream.name()).isEqualTo(new Name("See the sea"));
        assertThat(dream.description()).isNull();
        assertThat(dream.version()).isEqualTo(2);
        assertThat(dream.createdAt()).isEqualTo(START);
        assertThat(dream.updatedAt()).isEqualTo(START.plus(Duration.ofHours(2)));
        assertThat(world.dreamService.dream(ALICE, dream.id())).isEqualTo(updated);
    }

    @Test
    void anUpdateSetsTheFieldsItNamesAndLeavesTheOthers() {
        DreamView created = aliceDreamsOfTheSea();

        DreamView updated = world.dreamService.update(ALICE, created.dream().id(),
                new DreamChanges(Change.to(new Name("See the ocean")), Change.unchanged(), Change.unchanged()), dreamAt(1));

        assertThat(updated.dream().name()).isEqualTo(new Name("See the ocean"));
        assertThat(updated.dream().description()).isEqualTo(new Description("The Black Sea, in June"));
    }

    @Test
    void anUpdateWithNothingToChangeStillMovesTheVersionOn() {
        DreamView created = aliceDreamsOfTheSea();

        DreamView updated = world.dreamService.update(ALICE, created.dream().id(), NOTHING, dreamAt(1));

        assertThat(updated.dream().version()).isEqualTo(2);
        assertThat(updated.dream().name()).isEqualTo(created.dream().name());
    }

    @Test
    void anUpdateBasedOnAnOlderVersionIsStaleAndChangesNothing() {
        DreamView created = aliceDreamsOfTheSea();
        DreamView current = world.dreamService.update(ALICE, created.dream().id(), NOTHING, dreamAt(1));

        assertThatThrownBy(() -> world.dreamService.update(ALICE, created.dream().id(),
                new DreamChanges(Change.to(new Name("Too late")), Change.unchanged(), Change.unchanged()), dreamAt(1)))
                .isInstanceOf(StaleVersionException.class);

        assertThat(world.dreamService.dream(ALICE, created.dream().id())).isEqualTo(current);
    }

    @Test
    void anUpdateBasedOnAVersionNotYetReachedIsStaleToo() {
        DreamView created = aliceDreamsOfTheSea();

        assertThatThrownBy(() -> world.dreamService.update(ALICE, created.dream().id(), NOTHING, dreamAt(2)))
                .isInstanceOf(StaleVersionException.class);
        assertThat(world.dreamService.dream(ALICE, created.dream().id()).dream().version()).isEqualTo(1);
    }

    @Test
    void anotherOwnersDreamIsNotFoundToGet() {
        DreamId alices = aliceDreamsOfTheSea().dream().id();

        assertThatThrownBy(() -> world.dreamService.dream(BOB, alices)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void anotherOwnersDreamIsNotFoundToUpdateAndStaysAsItWas() {
        DreamView alices = aliceDreamsOfTheSea();

        assertThatThrownBy(() -> world.dreamService.update(BOB, alices.dream().id(),
                new DreamChanges(Change.to(new Name("Mine now")), Change.unchanged(), Change.unchanged()), ExpectedVersion.none()))
                .isInstanceOf(NotFoundException.class);

        assertThat(world.dreamService.dream(ALICE, alices.dream().id())).isEqualTo(alices);
    }

    @Test
    void anotherOwnersDreamIsNotFoundToDeleteAndStays() {
        DreamView alices = aliceDreamsOfTheSea();

        assertThatThrownBy(() -> world.dreamService.delete(BOB, alices.dream().id(), ExpectedVersion.none()))
                .isInstanceOf(NotFoundException.class);

        assertThat(world.dreamService.dream(ALICE, alices.dream().id())).isEqualTo(alices);
    }

    @Test
    void anUnknownDreamIsNotFound() {
        DreamId unknown = new DreamId(UUID.randomUUID());

        assertThatThrownBy(() -> world.dreamService.dream(ALICE, unknown)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> world.dreamService.update(ALICE, unknown, NOTHING, ExpectedVersion.none()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> world.dreamService.delete(ALICE, unknown, ExpectedVersion.none())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void deletingADreamRemovesItButKeepsItsGoalsWithoutADream() {
        DreamId dream = aliceDreamsOfTheSea().dream().id();
        var first = world.goalOf(ALICE, dream);
        var second = world.goalOf(ALICE, dream);

        world.dreamService.delete(ALICE, dream, ExpectedVersion.none());

        assertThatThrownBy(() -> world.dreamService.dream(ALICE, dream)).isInstanceOf(NotFoundException.class);
        assertThat(world.goalService.goal(ALICE, first.goal().id()).goal().dream()).isNull();
        assertThat(world.goalService.goal(ALICE, second.goal().id()).goal().dream()).isNull();
        assertThat(world.goalService.goal(ALICE, first.goal().id()).goal().name()).isEqualTo(new Name("See the sea"));
    }

    @Test
    void deletingADreamIsOneTransaction() {
        DreamId dream = aliceDreamsOfTheSea().dream().id();
        int before = world.transactions.begun();

        world.dreamService.delete(ALICE, dream, ExpectedVersion.none());

        assertThat(world.transactions.begun()).isEqualTo(before + 1);
    }

    @Test
    void theListShowsOnlyTheCallersDreamsWithTheirStatus() {
        DreamId sea = aliceDreamsOfTheSea().dream().id();
        world.clock.advance(Duration.ofMinutes(1));
        DreamId fly = world.dream(ALICE, "Fly").dream().id();
        world.dream(BOB, "Bob's dream");
        world.goalOf(ALICE, fly);

        List<DreamView> pursued = world.dreamService.list(ALICE,
                new DreamQuery(Optional.of(DreamStatus.PURSUING), Optional.empty(), DreamSort.CREATED_DESC), ALL).items();
        List<DreamView> all = world.dreamService.list(ALICE, newestFirst(), ALL).items();

        assertThat(pursued).extracting(view -> view.dream().id()).containsExactly(fly);
        assertThat(all).extracting(view -> view.dream().id()).containsExactly(fly, sea);
        assertThat(all).extracting(DreamView::goalCount).containsExactly(1L, 0L);
    }

    @Test
    void aDreamsGoalsCountWhateverTheirStatus() {
        DreamId dream = aliceDreamsOfTheSea().dream().id();
        world.goalOf(ALICE, dream);
        var abandoned = world.goalOf(ALICE, dream);
        world.setStatus(ALICE, abandoned.goal().id(), GoalStatus.ABANDONED);

        assertThat(world.dreamService.dream(ALICE, dream).goalCount()).isEqualTo(2);
    }

    private static DreamQuery newestFirst() {
        return new DreamQuery(Optional.empty(), Optional.empty(), DreamSort.CREATED_DESC);
    }
}
