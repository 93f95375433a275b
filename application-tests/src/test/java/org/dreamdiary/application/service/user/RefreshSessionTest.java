package org.dreamdiary.application.service.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dreamdiary.application.service.user.UserWorld.IP;
import static org.dreamdiary.application.service.user.UserWorld.PASSWORD;

import java.time.Duration;
import org.dreamdiary.application.port.in.user.Principal;
import org.dreamdiary.application.port.in.user.TokenPair;
import org.dreamdiary.domain.error.UnauthenticatedException;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RefreshSessionTest {

    @AutoClose
    private final UserWorld world = new UserWorld();
    private TokenPair first;
    private Principal caller;

    @BeforeEach
    void aliceIsLoggedIn() {
        first = world.registered("alice").tokens();
        caller = world.principal(first);
    }

    private void refused(String refreshToken) {
        assertThatThrownBy(() -> world.refresh.refresh(refreshToken))
                .isInstanceOf(UnauthenticatedException.class)
                .hasMessage("the refresh token is not valid");
    }

    @Test
    void refreshingGivesANewPairOfTheSameSession() {
        TokenPair second = world.refresh.refresh(first.refreshToken());

        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
        assertThat(second.accessToken()).isNotEqualTo(first.accessToken());
        assertThat(second.expiresInSeconds()).isEqualTo(15 * 60);
        assertThat(world.principal(second)).isEqualTo(caller);
    }

    @Test
    void aRotatedRefreshTokenIsRefusedTheSecondTime() {
        world.refresh.refresh(first.refreshToken());

        refused(first.refreshToken());
    }

    @Test
    void theNewRefreshTokenRotatesInTurn() {
        TokenPair second = world.refresh.refresh(first.refreshToken());
        TokenPair third = world.refresh.refresh(second.refreshToken());

        assertThat(third.refreshToken()).isNotEqualTo(second.refreshToken()).isNotEqualTo(first.refreshToken());
        assertThat(world.principal(third)).isEqualTo(caller);
    }

    @Test
    void presentingAnAlreadyUsedTokenRevokesTheWholeSession() {
        TokenPair second = world.refresh.refresh(first.refreshToken());

        refused(first.refreshToken()); // a thief, or the client, replays the used token

        refused(second.refreshToken());
        assertThatThrownBy(() -> world.principal(second)).isInstanceOf(UnauthenticatedException.class);
        assertThatThrownBy(() -> world.principal(first)).isInstanceOf(UnauthenticatedException.class);
        assertThat(world.sessions.isActive(caller.session(), caller.user())).isFalse();
    }

    @Test
    void theRevocationForAReusedTokenIsCommittedAlthoughTheCallerIsRefused() {
        world.refresh.refresh(first.refreshToken());
        int rolledBackBefore = world.transactions.rolledBack();

        refused(first.refreshToken());

        assertThat(world.transactions.rolledBack()).isEqualTo(rolledBackBefore);
        assertThat(world.sessions.isActive(caller.session(), caller.user())).isFalse();
        assertThat(world.transactions.calls("Sessions.revoke")).singleElement()
                .satisfies(revoke -> assertThat(revoke.args()).containsExactly(caller.session(), world.clock.now()));
    }

    @Test
    void aReusedTokenEndsOnlyItsOwnSession() {
        TokenPair otherDevice = world.logIn.logIn("alice", PASSWORD, IP);
        world.refresh.refresh(first.refreshToken());

        refused(first.refreshToken());

        assertThat(world.principal(otherDevice).user()).isEqualTo(caller.user());
        assertThat(world.refresh.refresh(otherDevice.refreshToken()).refreshToken()).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "dGhpcyBpcyBub3QgYSByZWZyZXNoIHRva2VuIGF0IGFsbA"})
    void anUnknownTokenIsRefusedAndRevokesNothing(String token) {
        refused(token);

        assertThat(world.principal(first)).isEqualTo(caller);
    }

    @Test
    void anAccessTokenIsNoRefreshToken() {
        refused(first.accessToken());
    }

    @Test
    void aRefreshTokenOfALoggedOutSessionIsRefused() {
        world.logOut.logOut(caller);

        refused(first.refreshToken());
    }

    @Test
    void aRefreshTokenWorksUntilItIsThirtyDaysOld() {
        world.clock.advance(Duration.ofDays(30).minusMillis(1));

        assertThat(world.refresh.refresh(first.refreshToken()).refreshToken()).isNotBlank();
    }

    @Test
    void aRefreshTokenThirtyDaysOldIsRefused() {
        world.clock.advance(Duration.ofDays(30));

        refused(first.refreshToken());
    }

    @Test
    void aRefreshIsOneTransaction() {
        int before = world.transactions.begun();

        world.refresh.refresh(first.refreshToken());

        assertThat(world.transactions.begun()).isEqualTo(before + 1);
        assertThat(world.transactions.writesOutside()).isEmpty();
    }

    @Test
    void aRefreshedAccessTokenOutlivesTheOriginalOne() {
        world.clock.advance(Duration.ofMinutes(10));
        TokenPair second = world.refresh.refresh(first.refreshToken());
        world.clock.advance(Duration.ofMinutes(10));

        assertThatThrownBy(() -> world.principal(first)).isInstanceOf(UnauthenticatedException.class);
        Principal refreshed = world.principal(second);
        assertThat(refreshed.session()).isEqualTo(caller.session());
        assertThat(refreshed.expiresAt()).isEqualTo(caller.expiresAt().plus(Duration.ofMinutes(10)));
    }
}
