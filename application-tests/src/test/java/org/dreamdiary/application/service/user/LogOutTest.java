package org.dreamdiary.application.service.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dreamdiary.application.service.user.UserWorld.IP;
import static org.dreamdiary.application.service.user.UserWorld.PASSWORD;

import org.dreamdiary.application.port.in.user.Principal;
import org.dreamdiary.application.port.in.user.TokenPair;
import org.dreamdiary.application.service.WatchedTransactions.StoreFailure;
import org.dreamdiary.domain.error.UnauthenticatedException;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class LogOutTest {

    @AutoClose
    private final UserWorld world = new UserWorld();

    @Test
    void loggingOutRevokesTheCurrentSessionAndOnlyThatOne() {
        TokenPair laptop = world.registered("alice").tokens();
        TokenPair phone = world.logIn.logIn("alice", PASSWORD, IP);
        TokenPair bobs = world.registered("bob").tokens();
        Principal caller = world.principal(laptop);

        world.logOut.logOut(caller);

        assertThatThrownBy(() -> world.principal(laptop)).isInstanceOf(UnauthenticatedException.class);
        assertThatThrownBy(() -> world.refresh.refresh(laptop.refreshToken()))
                .isInstanceOf(UnauthenticatedException.class);
        assertThat(world.principal(phone).user()).isEqualTo(caller.user());
        assertThat(world.refresh.refresh(phone.refreshToken()).refreshToken()).isNotBlank();
        assertThat(world.principal(bobs).user()).isNotEqualTo(caller.user());
    }

    @Test
    void loggingOutIsOneTransaction() {
        Principal caller = world.principal(world.registered("alice").tokens());
        int before = world.transactions.begun();

        world.logOut.logOut(caller);

        assertThat(world.transactions.begun()).isEqualTo(before + 1);
        assertThat(world.transactions.writesOutside()).isEmpty();
        assertThat(world.transactions.calls("Sessions.revoke")).singleElement()
                .satisfies(revoke -> assertThat(revoke.args()).containsExactly(caller.session(), world.clock.now()));
    }

    @Test
    void givenTheEndCannotBePublished_whenLoggingOut_thenTheRevocationIsRolledBackWithItAndTheSessionStaysLive() {
        TokenPair tokens = world.registered("alice").tokens();
        Principal caller = world.principal(tokens);
        world.transactions.failNext("SessionEvents.publish");

        assertThatThrownBy(() -> world.logOut.logOut(caller)).isInstanceOf(StoreFailure.class);

        assertThat(world.sessions.isActive(caller.session(), caller.user())).isTrue();
        assertThat(world.principal(tokens)).isEqualTo(caller);
    }

    @Test
    void loggingOutTwiceIsHarmless() {
        Principal caller = world.principal(world.registered("alice").tokens());

        world.logOut.logOut(caller);
        world.logOut.logOut(caller);

        assertThat(world.sessions.isActive(caller.session(), caller.user())).isFalse();
    }
}
