package org.dreamdiary.application.service.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.dreamdiary.application.service.VersionPreconditions.profileAt;
import static org.dreamdiary.application.service.user.UserWorld.PASSWORD;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.dreamdiary.application.change.Change;
import org.dreamdiary.application.change.ExpectedVersion;
import org.dreamdiary.application.port.in.user.Principal;
import org.dreamdiary.application.port.in.user.RegisterUser;
import org.dreamdiary.application.port.in.user.UpdateProfile.Changes;
import org.dreamdiary.domain.attachment.Attachment;
import org.dreamdiary.domain.attachment.AttachmentId;
import org.dreamdiary.domain.attachment.FileFormat;
import org.dreamdiary.domain.attachment.ImageSize;
import org.dreamdiary.domain.attachment.LinkUrl;
import org.dreamdiary.domain.attachment.Sha256;
import org.dreamdiary.domain.attachment.StoredFile;
import org.dreamdiary.domain.error.ConflictException;
import org.dreamdiary.domain.error.FieldError;
import org.dreamdiary.domain.error.NotFoundException;
import org.dreamdiary.domain.error.StaleVersionException;
import org.dreamdiary.domain.error.ValidationException;
import org.dreamdiary.domain.user.Email;
import org.dreamdiary.domain.user.FullName;
import org.dreamdiary.domain.user.PhoneNumber;
import org.dreamdiary.domain.user.User;
import org.dreamdiary.domain.user.UserId;
import org.dreamdiary.domain.user.Username;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UpdateProfileTest {

    private static final Changes NOTHING =
            new Changes(Change.unchanged(), Change.unchanged(), Change.unchanged(), Change.unchanged());

    @AutoClose
    private final UserWorld world = new UserWorld();
    private User alice;
    private Principal caller;

    @BeforeEach
    void aliceHasAFullProfile() {
        var registration = world.register.register(new RegisterUser.Command(new Username("alice"), PASSWORD,
                Optional.of(new Email("alice@example.com")), Optional.of(new FullName("Alice Liddell")),
                Optional.of(new PhoneNumber("+441234567890"))), UserWorld.IP);
        alice = registration.user();
        caller = world.principal(registration.tokens());
        world.clock.advance(Duration.ofHours(1));
    }

    @Test
    void unchangedFieldsKeepTheirValuesSetFieldsTakeTheNewOnesAndClearedFieldsBecomeEmpty() {
        Changes changes = new Changes(
                Change.unchanged(),
                Change.to(new Email("alice@wonderland.example")),
                Change.to(null),
                Change.unchanged());

        User updated = world.updateProfile.update(caller, changes, profileAt(1));

        assertThat(updated.fullName()).isEqualTo(new FullName("Alice Liddell"));
        assertThat(updated.email()).isEqualTo(new Email("alice@wonderland.example"));
        assertThat(updated.phoneNumber()).isNull();
        assertThat(updated.avatarAttachmentId()).isNull();
        assertThat(world.stored(alice)).isEqualTo(updated);
    }

    @Test
    void everyFieldCanBeClearedAtOnce() {
        Changes clearAll = new Changes(Change.to(null), Change.to(null), Change.to(null), Change.to(null));

        User updated = world.updateProfile.update(caller, clearAll, profileAt(1));

        assertThat(updated.fullName()).isNull();
        assertThat(updated.email()).isNull();
        assertThat(updated.phoneNumber()).isNull();
        assertThat(updated.avatarAttachmentId()).isNull();
    }

    @Test
    void anUpdateMovesTheVersionAndUpdateTimeOnButKeepsIdentityCreationTimeAndPassword() {
        User updated = world.updateProfile.update(caller,
                new Changes(Change.to(new FullName("Alice P. Liddell")), Change.unchanged(), Change.unchanged(),
                        Change.unchanged()), profileAt(1));

        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.updatedAt()).isEqualTo(world.clock.now());
        assertThat(updated.createdAt()).isEqualTo(alice.createdAt());
        assertThat(updated.id()).isEqualTo(alice.id());
        assertThat(updated.username()).isEqualTo(alice.username());
        assertThat(updated.passwordHash()).isEqualTo(alice.passwordHash());
    }

    @Test
    void evenAnUpdateChangingNothingMovesTheVersionOn() {
        User updated = world.updateProfile.update(caller, NOTHING, profileAt(1));

        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.email()).isEqualTo(alice.email());
    }

    @Test
    void successiveUpdatesEachNeedTheLatestVersion() {
        world.updateProfile.update(caller, NOTHING, profileAt(1));

        assertThat(world.updateProfile.update(caller, NOTHING, profileAt(2)).version()).isEqualTo(3);
    }

    @Test
    void anUpdateBasedOnAnOldVersionIsStaleAndChangesNothing() {
        User afterFirst = world.updateProfile.update(caller,
                new Changes(Change.to(new FullName("First writer")), Change.unchanged(), Change.unchanged(),
                        Change.unchanged()), profileAt(1));

        assertThatThrownBy(() -> world.updateProfile.update(caller,
                new Changes(Change.to(new FullName("Second writer")), Change.unchanged(), Change.unchanged(),
                        Change.unchanged()), profileAt(1)))
                .isInstanceOf(StaleVersionException.class);

        assertThat(world.stored(alice)).isEqualTo(afterFirst);
    }

    @Test
    void anUpdateBasedOnAFutureVersionIsStaleToo() {
        assertThatThrownBy(() -> world.updateProfile.update(caller, NOTHING, profileAt(7))).isInstanceOf(StaleVersionException.class);
        assertThat(world.stored(alice).version()).isEqualTo(1);
    }

    @Test
    void anImageOfTheCallersBecomesTheAvatar() {
        Attachment picture = stored(image(alice.id(), 1));

        User updated = world.updateProfile.update(caller, avatar(picture.id().value()), profileAt(1));

        assertThat(updated.avatarAttachmentId()).isEqualTo(picture.id().value());
        assertThat(world.stored(alice)).isEqualTo(updated);
    }

    @Test
    void anAvatarIdNamingNoImageOfTheCallersIsAValidationErrorAndChangesNothing() {
        Attachment someoneElses = stored(image(new UserId(UUID.randomUUID()), 2));
        Attachment ownLink = stored(Attachment.ofLink(new AttachmentId(UUID.randomUUID()), alice.id(),
                new LinkUrl("https://example.com/me.png"), UserWorld.START));

        for (UUID refused : List.of(someoneElses.id().value(), ownLink.id().value(), UUID.randomUUID())) {
            Changes withAvatar = new Changes(Change.to(new FullName("Changed too")), Change.unchanged(), Change.unchanged(),
                    Change.to(refused));

            ValidationException thrown = catchThrowableOfType(ValidationException.class,
                    () -> world.updateProfile.update(caller, withAvatar, profileAt(1)));

            assertThat(thrown.errors()).containsExactly(new FieldError("avatar_attachment_id", "must name an image of yours"));
            assertThat(world.stored(alice)).as("nothing of the update is stored").isEqualTo(alice);
        }
    }

    private static Changes avatar(UUID id) {
        return new Changes(Change.unchanged(), Change.unchanged(), Change.unchanged(), Change.to(id));
    }

    private static Attachment image(UserId owner, int n) {
        StoredFile file = new StoredFile(FileFormat.PNG, 100 + n, new Sha256("ab".repeat(32)), new ImageSize(4, 3), null);
        return Attachment.ofFile(new AttachmentId(UUID.randomUUID()), owner, file, UserWorld.START);
    }

    private Attachment stored(Attachment attachment) {
        return world.transactions.inTransaction(() -> {
            world.attachments.add(attachment);
            return attachment;
        });
    }

    @Test
    void clearingTheAvatarIsFine() {
        User updated = world.updateProfile.update(caller,
                new Changes(Change.unchanged(), Change.unchanged(), Change.unchanged(), Change.to(null)), profileAt(1));

        assertThat(updated.avatarAttachmentId()).isNull();
        assertThat(updated.version()).isEqualTo(2);
    }

    @Test
    void anEmailAddressTakenByAnotherAccountInAnotherCaseIsAConflict() {
        world.registeredWithEmail("bob", "bob@example.com");

        assertThatThrownBy(() -> world.updateProfile.update(caller,
                new Changes(Change.unchanged(), Change.to(new Email("BOB@example.com")), Change.unchanged(),
                        Change.unchanged()), profileAt(1)))
                .isInstanceOf(ConflictException.class);
        assertThat(world.stored(alice)).isEqualTo(alice);
    }

    @Test
    void keepingOnesOwnEmailAddressInAnotherCaseIsNoConflict() {
        User updated = world.updateProfile.update(caller,
                new Changes(Change.unchanged(), Change.to(new Email("ALICE@example.com")), Change.unchanged(),
                        Change.unchanged()), profileAt(1));

        assertThat(updated.email()).isEqualTo(new Email("ALICE@example.com"));
    }

    @Test
    void anUpdateIsOneTransaction() {
        int before = world.transactions.begun();

        world.updateProfile.update(caller, NOTHING, profileAt(1));

        assertThat(world.transactions.begun()).isEqualTo(before + 1);
        assertThat(world.transactions.writesOutside()).isEmpty();
    }

    @Test
    void updatingADeletedAccountFindsNothing() {
        world.deleteAccount.delete(caller, ExpectedVersion.none());

        assertThatThrownBy(() -> world.updateProfile.update(caller, NOTHING, ExpectedVersion.none()))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("user not found");
    }
}
