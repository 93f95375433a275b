package org.dreamdiary.application.service.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dreamdiary.application.service.user.UserWorld.IP;
import static org.dreamdiary.application.service.user.UserWorld.PASSWORD;

import org.dreamdiary.application.chat.ChatEvent;
import org.dreamdiary.application.port.in.user.Principal;
import org.dreamdiary.application.port.in.user.RegisterUser.Registration;
import org.dreamdiary.domain.error.UnauthenticatedException;
import org.dreamdiary.domain.user.Username;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeleteAccountServiceTest {

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

        world.deleteAccount.delete(caller);

        assertThat(world.users.byId(alice.user().id())).isEmpty();
        assertThat(world.users.byUsername(new Username("alice"))).isEmpty();
        assertThat(world.users.byId(bob.user().id())).as("nobody else's").isPresent();
    }

    @Test
    void afterDeletionTheAccountCanNoLongerLogInOrUseItsTokens() {
        world.deleteAccount.delete(caller);

        assertThatThrownBy(() -> world.logIn.logIn("alice", PASSWORD, IP)).isInstanceOf(UnauthenticatedException.class);
        assertThatThrownBy(() -> world.principal(alice.tokens())).isInstanceOf(UnauthenticatedException.class);
        assertThatThrownBy(() -> world.refresh.refresh(alice.tokens().refreshToken()))
                .isInstanceOf(UnauthenticatedException.class);
    }

    @Test
    void theUsernameIsFreeAgainAfterDeletion() {
        world.deleteAccount.delete(caller);

        assertThat(world.registered("Alice").user().id()).isNotEqualTo(alice.user().id());
    }

    @Test
    void deletingIsOneTransaction() {
        int before = world.transactions.begun();

        world.deleteAccount.delete(caller);

        assertThat(world.transactions.begun()).isEqualTo(before + 1);
        assertThat(world.transactions.writesOutside()).isEmpty();
    }

    @Test
    void theChatsOfTheAccountEndForLiveSubscribersItsOwnAsDeletedTheOthersAsLeft() {
        Registration bob = world.registered("bob");
        var owned = world.chats.chat(alice.user().id(), bob.user().id());
        var joined = world.chats.chat(bob.user().id(), alice.user().id());
        world.chats.chat(bob.user().id());

        world.deleteAccount.delete(caller);

        assertThat(world.chatEvents.published).containsExactly(ChatEvent.chatDeleted(owned),
                ChatEvent.memberRemoved(joined, alice.user().id()));
        assertThat(world.transactions.writesOutside()).isEmpty();
    }

    @Test
    void everyChatIsAnnouncedHoweverManyPagesTheyFill() {
        for (int i = 0; i < 250; i++) {
            world.chats.chat(alice.user().id());
        }

        world.deleteAccount.delete(caller);

        assertThat(world.chatEvents.published).hasSize(250).doesNotHaveDuplicates()
                .allSatisfy(event -> assertThat(event.kind()).isEqualTo(ChatEvent.Kind.CHAT_DELETED));
    }
}
