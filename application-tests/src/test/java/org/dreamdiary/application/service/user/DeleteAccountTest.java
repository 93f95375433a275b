package org.dreamdiary.application.service.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dreamdiary.application.service.Contents.held;
import static org.dreamdiary.application.service.VersionPreconditions.profileAt;
import static org.dreamdiary.application.service.user.UserWorld.IP;
import static org.dreamdiary.application.service.user.UserWorld.PASSWORD;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.dreamdiary.application.change.Change;
import org.dreamdiary.application.change.ExpectedVersion;
import org.dreamdiary.application.chat.ChatEvent;
import org.dreamdiary.application.port.in.user.Principal;
import org.dreamdiary.application.port.in.user.RegisterUser.Registration;
import org.dreamdiary.application.port.in.user.UpdateProfile;
import org.dreamdiary.application.service.WatchedTransactions.StoreFailure;
import org.dreamdiary.domain.attachment.Attachment;
import org.dreamdiary.domain.attachment.AttachmentId;
import org.dreamdiary.domain.attachment.FileFormat;
import org.dreamdiary.domain.attachment.LinkUrl;
import org.dreamdiary.domain.attachment.Sha256;
import org.dreamdiary.domain.attachment.StoredFile;
import org.dreamdiary.domain.chat.Chat;
import org.dreamdiary.domain.chat.ChatId;
import org.dreamdiary.domain.chat.ChatTitle;
import org.dreamdiary.domain.error.StaleVersionException;
import org.dreamdiary.domain.error.UnauthenticatedException;
import org.dreamdiary.domain.user.FullName;
import org.dreamdiary.domain.user.UserId;
import org.dreamdiary.domain.user.Username;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeleteAccountTest {

    @AutoClose
    private final UserWorld world = new UserWorld();
    private Registration alice;
    private Principal caller;

    @BeforeEach
    void aliceHasAnAccount() {
        alice = world.registered("alice");
        caller = world.principal(alice.tokens());
    }

    @Test
    void deletingTheAccountRemovesTheUser() {
        Registration bob = world.registered("bob");

        world.deleteAccount.delete(caller, ExpectedVersion.none());

        assertThat(world.users.byId(alice.user().id())).isEmpty();
        assertThat(world.users.byUsername(new Username("alice"))).isEmpty();
        assertThat(world.users.byId(bob.user().id())).as("nobody else's").isPresent();
    }

    @Test
    void afterDeletionTheAccountCanNoLongerLogInOrUseItsTokens() {
        world.deleteAccount.delete(caller, ExpectedVersion.none());

        assertThatThrownBy(() -> world.logIn.logIn("alice", PASSWORD, IP)).isInstanceOf(UnauthenticatedException.class);
        assertThatThrownBy(() -> world.principal(alice.tokens())).isInstanceOf(UnauthenticatedException.class);
        assertThatThrownBy(() -> world.refresh.refresh(alice.tokens().refreshToken()))
                .isInstanceOf(UnauthenticatedException.class);
    }

    @Test
    void givenAProfileChangedSinceItWasRead_whenDeletingTheAccountUnderTheOldVersion_thenStaleAndTheAccountStays() {
        world.updateProfile.update(caller, new UpdateProfile.Changes(Change.to(new FullName("Alice A.")),
                Change.unchanged(), Change.unchanged(), Change.unchanged()), profileAt(1));

        assertThatThrownBy(() -> world.deleteAccount.delete(caller, profileAt(1))).isInstanceOf(StaleVersionException.class);

        assertThat(world.users.byId(alice.user().id())).isPresent();
        // the delete that missed its version rolled back what came before it: no session ended
        assertThat(world.sessionsEnded.published()).isEmpty();
        assertThat(world.principal(alice.tokens()).user()).isEqualTo(alice.user().id());
        world.deleteAccount.delete(caller, profileAt(2));
        assertThat(world.users.byId(alice.user().id())).isEmpty();
    }

    @Test
    void theUsernameIsFreeAgainAfterDeletion() {
        world.deleteAccount.delete(caller, ExpectedVersion.none());

        assertThat(world.registered("Alice").user().id()).isNotEqualTo(alice.user().id());
    }

    @Test
    void deletingIsOneTransaction() {
        int before = world.transactions.begun();

        world.deleteAccount.delete(caller, ExpectedVersion.none());

        assertThat(world.transactions.begun()).isEqualTo(before + 1);
        assertThat(world.transactions.writesOutside()).isEmpty();
    }

    @Test
    void givenTheAccountRowCannotBeDeleted_whenDeleting_thenNobodyIsToldOfAnEndAndItsSessionAndFilesStay() {
        Registration bob = world.registered("bob");
        chat(alice.user().id(), bob.user().id());
        Attachment photo = attachment(alice.user().id(), true);
        world.transactions.failNext("Users.delete");

        assertThatThrownBy(() -> world.deleteAccount.delete(caller, ExpectedVersion.none()))
                .isInstanceOf(StoreFailure.class);

        assertThat(world.sessionsEnded.published()).isEmpty();
        assertThat(world.chatEvents.published()).isEmpty();
        assertThat(world.principal(alice.tokens())).isEqualTo(caller);
        assertThat(held(world.blobs, photo.id())).isTrue();
    }

    @Test
    void theChatsOfTheAccountEndForLiveSubscribersItsOwnAsDeletedTheOthersAsLeft() {
        Registration bob = world.registered("bob");
        var owned = chat(alice.user().id(), bob.user().id());
        var joined = chat(bob.user().id(), alice.user().id());
        chat(bob.user().id());

        world.deleteAccount.delete(caller, ExpectedVersion.none());

        assertThat(world.chatEvents.published()).containsExactlyInAnyOrder(ChatEvent.chatDeleted(owned),
                ChatEvent.memberRemoved(joined, alice.user().id()));
        assertThat(world.transactions.writesOutside()).isEmpty();
    }

    @Test
    void everyChatIsAnnouncedHoweverManyPagesTheyFill() {
        for (int i = 0; i < 250; i++) {
            chat(alice.user().id());
        }

        world.deleteAccount.delete(caller, ExpectedVersion.none());

        assertThat(world.chatEvents.published()).hasSize(250).doesNotHaveDuplicates()
                .allSatisfy(event -> assertThat(event.kind()).isEqualTo(ChatEvent.Kind.CHAT_DELETED));
    }

    @Test
    void givenFilesAndLinksOfTheAccountAndOthers_whenTheAccountIsDeleted_thenTheBytesOfItsFilesAreFreed() {
        Registration bob = world.registered("bob");
        Attachment photo = attachment(alice.user().id(), true);
        Attachment film = attachment(alice.user().id(), true);
        attachment(alice.user().id(), false);
        Attachment bobs = attachment(bob.user().id(), true);

        world.deleteAccount.delete(caller, ExpectedVersion.none());

        assertThat(held(world.blobs, photo.id())).isFalse();
        assertThat(held(world.blobs, film.id())).isFalse();
        assertThat(held(world.blobs, bobs.id())).as("nobody else's").isTrue();
        assertThat(world.transactions.writesOutside()).isEmpty();
    }

    @Test
    void givenADeletionThatFails_whenItRollsBack_thenTheBytesStay() {
        Attachment photo = attachment(alice.user().id(), true);
        world.updateProfile.update(caller, new UpdateProfile.Changes(Change.to(new FullName("Alice A.")),
                Change.unchanged(), Change.unchanged(), Change.unchanged()), profileAt(1));

        assertThatThrownBy(() -> world.deleteAccount.delete(caller, profileAt(1))).isInstanceOf(StaleVersionException.class);

        assertThat(held(world.blobs, photo.id())).isTrue();
    }

    /** An attachment of {@code owner} stored as an upload stores it: a file with its bytes, or a link. */
    private Attachment attachment(UserId owner, boolean file) {
        AttachmentId id = new AttachmentId(world.ids.next());
        Attachment attachment = file
                ? Attachment.ofFile(id, owner, new StoredFile(FileFormat.PNG, 3, new Sha256("0".repeat(64)), null, null),
                        world.clock.now())
                : Attachment.ofLink(id, owner, new LinkUrl("https://example.org/"), world.clock.now());
        return world.transactions.inTransaction(() -> {
            world.attachments.add(attachment);
            if (file) {
                world.blobs.write(id, new ByteArrayInputStream(new byte[] {1, 2, 3}));
            }
            return attachment;
        });
    }

    /** A chat of {@code owner} with {@code others} as members, stored as the use case would store it. */
    private ChatId chat(UserId owner, UserId... others) {
        Chat chat = Chat.create(new ChatId(world.ids.next()), owner, new ChatTitle("a chat"), world.clock.now());
        return world.transactions.inTransaction(() -> {
            world.chats.add(chat, List.of(others), chat.createdAt());
            return chat.id();
        });
    }
}
