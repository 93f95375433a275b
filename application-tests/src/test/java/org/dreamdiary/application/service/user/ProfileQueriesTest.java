package org.dreamdiary.application.service.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dreamdiary.application.service.user.UserWorld.PASSWORD;

import java.util.Optional;
import java.util.UUID;
import org.dreamdiary.application.change.ExpectedVersion;
import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.port.in.user.Principal;
import org.dreamdiary.application.port.in.user.RegisterUser;
import org.dreamdiary.domain.error.NotFoundException;
import org.dreamdiary.domain.user.FullName;
import org.dreamdiary.domain.user.User;
import org.dreamdiary.domain.user.UserId;
import org.dreamdiary.domain.user.Username;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProfileQueriesTest {

    @AutoClose
    private final UserWorld world = new UserWorld();
    private User alice;
    private Principal caller;

    @BeforeEach
    void aliceIsLoggedIn() {
        var registration = world.registered("alice");
        alice = registration.user();
        caller = world.principal(registration.tokens());
    }

    @Test
    void theOwnProfileIsTheStoredAccountOfTheCaller() {
        assertThat(world.ownProfile.ownProfile(caller)).isEqualTo(alice);
    }

    @Test
    void anyoneCanBeLookedUpById() {
        User bob = world.registered("bob").user();

        assertThat(world.getUser.user(caller, bob.id())).isEqualTo(bob);
    }

    @Test
    void anUnknownIdIsNotFound() {
        UserId nobody = new UserId(UUID.fromString("00000000-0000-7000-8000-0000000003e7"));

        assertThatThrownBy(() -> world.getUser.user(caller, nobody))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("user not found");
    }

    @Test
    void theOwnProfileOfADeletedAccountIsNotFound() {
        world.deleteAccount.delete(caller, ExpectedVersion.none());

        assertThatThrownBy(() -> world.ownProfile.ownProfile(caller)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void searchingFindsUsernamesAndFullNamesIgnoringCaseInUsernameOrder() {
        world.register.register(new RegisterUser.Command(new Username("zed"), PASSWORD, Optional.empty(),
                Optional.of(new FullName("Alicia Keys")), Optional.empty()), UserWorld.IP);
        world.registered("bob");
        world.registered("MALICE");

        Page<User> found = world.searchUsers.search(caller, Optional.of("ALIC"), PageRequest.first());

        assertThat(found.items()).extracting(user -> user.username().value()).containsExactly("alice", "MALICE", "zed");
        assertThat(found.totalItems()).isEqualTo(3);
    }

    @Test
    void queriesNeedNoTransaction() {
        int before = world.transactions.begun();

        world.ownProfile.ownProfile(caller);
        world.searchUsers.search(caller, Optional.empty(), PageRequest.first());

        assertThat(world.transactions.begun()).isEqualTo(before);
    }
}
