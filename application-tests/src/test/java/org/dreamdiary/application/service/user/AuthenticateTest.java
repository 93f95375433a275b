package org.dreamdiary.application.service.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.dreamdiary.application.port.in.user.Principal;
import org.dreamdiary.application.port.in.user.TokenPair;
import org.dreamdiary.application.port.out.user.SessionsEnded;
import org.dreamdiary.domain.error.UnauthenticatedException;
import org.dreamdiary.domain.user.User;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuthenticateTest {

    @AutoClose
    private final UserWorld world = new UserWorld();
    private User alice;
    private TokenPair tokens;

    @BeforeEach
    void aliceIsLoggedIn() {
        var registration = world.registered("alice");
        alice = registration.user();
        tokens = registration.tokens();
    }

    private void refused(String accessToken) {
        assertThatThrownBy(() -> world.authenticate.authenticate(accessToken))
                .isInstanceOf(UnauthenticatedException.class)
                .hasMessage("the access token is not valid");
    }

    @Test
    void aValidTokenOfAnActiveSessionGivesItsUserAndSession() {
        Principal caller = world.authenticate.authenticate(tokens.accessToken());

        assertThat(caller.user()).isEqualTo(alice.id());
        assertThat(world.activeSessionsOf(alice.id())).containsExactly(caller.session());
    }

    @Test
    void aTokenOfARevokedSessionIsRefusedOnceTheEndIsHeardThoughItsSignatureIsStillValid() {
        Principal caller = world.principal(tokens);
        // as another node revokes it: its row, then its notification
        world.sessions.revoke(caller.session(), world.clock.now());
        world.heardFromElsewhere(SessionsEnded.one(caller.session()));

        assertThat(world.tokenIssuer.verify(tokens.accessToken(), world.clock.now())).isPresent();
        refused(tokens.accessToken());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "Bearer abc", "eyJhbGciOiJub25lIn0.e30."})
    void garbageIsRefused(String token) {
        refused(token);
    }

    @Test
    void aWellShapedTokenTheIssuerNeverSignedIsRefused() {
        Principal caller = world.principal(tokens);

        refused("access/" + caller.user() + "/" + caller.session() + "/999");
    }

    @Test
    void anExpiredTokenIsRefused() {
        world.clock.advance(Duration.ofMinutes(15));

        refused(tokens.accessToken());
    }

    @Test
    void aTokenNamingASessionOfAnotherUserIsRefused() {
        User bob = world.registered("bob").user();
        Principal alices = world.principal(tokens);
        String mixed = world.tokenIssuer.issue(bob.id(), alices.session(), world.clock.now()).value();

        refused(mixed);
    }

    @Test
    void authenticatingWritesNothingAndNeedsNoTransaction() {
        int before = world.transactions.begun();

        world.principal(tokens);

        assertThat(world.transactions.begun()).isEqualTo(before);
        assertThat(world.transactions.writesOutside()).isEmpty();
    }
}
