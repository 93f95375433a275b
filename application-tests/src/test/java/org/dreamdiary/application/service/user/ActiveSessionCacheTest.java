package org.dreamdiary.application.service.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dreamdiary.application.service.user.UserWorld.IP;
import static org.dreamdiary.application.service.user.UserWorld.PASSWORD;

import java.time.Duration;
import java.util.OptionalLong;
import org.dreamdiary.application.port.in.user.Principal;
import org.dreamdiary.application.port.in.user.TokenPair;
import org.dreamdiary.application.port.out.user.SessionsEnded;
import org.dreamdiary.domain.error.UnauthenticatedException;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Authenticated requests answered from memory, and the ends of sessions that make the next request ask the
 * database again: heard from another node, ended on this one, or possibly missed while not listening.
 */
class ActiveSessionCacheTest {

    @AutoClose
    private final UserWorld world = new UserWorld();
    private TokenPair laptop;
    private Principal onLaptop;

    @BeforeEach
    void aliceIsLoggedInAndHasBeenSeen() {
        laptop = world.registered("alice").tokens();
        onLaptop = world.principal(laptop);
    }

    private int lookupsWhile(Runnable requests) {
        int before = lookups();
        requests.run();
        return lookups() - before;
    }

    private int lookups() {
        return world.transactions.calls("Sessions.isActive").size();
    }

    private void refused(TokenPair tokens) {
        assertThatThrownBy(() -> world.principal(tokens)).isInstanceOf(UnauthenticatedException.class)
                .hasMessage("the access token is not valid");
    }

    /** Who the token names, read from its signed claims alone: no session lookup. */
    private Principal named(TokenPair tokens) {
        return world.tokenIssuer.verify(tokens.accessToken(), world.clock.now())
                .map(claims -> new Principal(claims.user(), claims.session(), claims.expiresAt())).orElseThrow();
    }

    /** Another node ends the session: its database row changes now, its notification arrives when delivered. */
    private void endedElsewhere(SessionsEnded ended, Runnable inTheDatabase) {
        world.transactions.inTransaction(() -> {
            inTheDatabase.run();
            return null;
        });
        world.heardFromElsewhere(ended);
    }

    @Test
    void givenASessionFoundLive_whenItsTokenComesAgain_thenNoLookupIsMade() {
        int lookups = lookupsWhile(() -> {
            for (int i = 0; i < 5; i++) {
                assertThat(world.principal(laptop)).isEqualTo(onLaptop);
            }
        });

        assertThat(lookups).isZero();
        assertThat(world.activeSessions.answeredFromMemory()).isEqualTo(5);
        assertThat(world.activeSessions.answeredFromDatabase()).isEqualTo(1);
    }

    @Test
    void givenALogoutOnAnotherNode_whenItsEndIsHeard_thenTheDatabaseIsAskedAndTheTokenRefused() {
        world.sessions.revoke(onLaptop.session(), world.clock.now());
        // not heard yet: the other node's commit is younger than the bound, so memory still answers
        assertThat(lookupsWhile(() -> world.principal(laptop))).isZero();

        world.heardFromElsewhere(SessionsEnded.one(onLaptop.session()));

        assertThat(lookupsWhile(() -> refused(laptop))).isEqualTo(1);
    }

    @Test
    void givenAPasswordChangedOnAnotherNode_whenHeard_thenTheOtherSessionsAreRefusedAndTheKeptOneStillFromMemory() {
        TokenPair phone = world.logIn.logIn("alice", PASSWORD, IP);
        world.principal(phone);

        endedElsewhere(SessionsEnded.allOfUserBut(onLaptop.user(), onLaptop.session()),
                () -> world.sessions.revokeAllExcept(onLaptop.user(), onLaptop.session(), world.clock.now()));

        refused(phone);
        assertThat(lookupsWhile(() -> assertThat(world.principal(laptop)).isEqualTo(onLaptop))).isZero();
    }

    @Test
    void givenAnAccountDeletedOnAnotherNode_whenHeard_thenEverySessionOfItIsRefused() {
        TokenPair phone = world.logIn.logIn("alice", PASSWORD, IP);
        world.principal(phone);

        endedElsewhere(SessionsEnded.allOfUser(onLaptop.user()), () -> world.users.delete(onLaptop.user(), OptionalLong.empty()));

        refused(laptop);
        refused(phone);
    }

    @Test
    void givenALogoutOnThisNode_whenItsNotificationIsNotBackYet_thenTheTokenIsRefusedAtOnce() {
        world.sessionEvents.holdDeliveries();

        world.logOut.logOut(onLaptop);

        refused(laptop);
        world.sessionEvents.releaseDeliveries();
        refused(laptop);
    }

    @Test
    void givenAReusedRefreshTokenOnThisNode_whenRefused_thenItsSessionsAccessTokenIsRefusedAtOnce() {
        world.sessionEvents.holdDeliveries();
        world.refresh.refresh(laptop.refreshToken());

        assertThatThrownBy(() -> world.refresh.refresh(laptop.refreshToken()))
                .isInstanceOf(UnauthenticatedException.class);

        refused(laptop);
    }

    @Test
    void givenTheEndsAreNotCaughtUp_whenTokensCome_thenEveryOneIsLookedUpAndAnEndNeverHeardStillRefuses() {
        world.sessionEvents.stopListening();

        assertThat(lookupsWhile(() -> {
            for (int i = 0; i < 3; i++) {
                world.principal(laptop);
            }
        })).isEqualTo(3);
        world.sessions.revoke(onLaptop.session(), world.clock.now());
        refused(laptop);
    }

    @Test
    void givenEndsMissedWhileNotListening_whenListeningAgain_thenEverythingRememberedBeforeIsLookedUpAgain() {
        TokenPair bobs = world.registered("bob").tokens();
        world.principal(bobs);
        world.sessionEvents.stopListening();
        // published while this node was not listening: never delivered
        world.logOut.logOut(world.principal(world.logIn.logIn("alice", PASSWORD, IP)));
        world.sessions.revoke(onLaptop.session(), world.clock.now());

        world.sessionEvents.listenAgain();

        assertThat(lookupsWhile(() -> refused(laptop))).isEqualTo(1);
        assertThat(lookupsWhile(() -> world.principal(bobs))).isEqualTo(1);
        assertThat(lookupsWhile(() -> world.principal(bobs))).isZero();
    }

    @Test
    void givenAnEndHeardWhileALookupRuns_whenTheLookupHadFoundTheSessionLive_thenThatAnswerIsNotRemembered() {
        TokenPair phone = world.logIn.logIn("alice", PASSWORD, IP);
        Principal onPhone = named(phone);
        // the lookup reads the session live; then, before it answers, another node ends it and this one hears it
        world.transactions.afterNext("Sessions.isActive", () -> endedElsewhere(SessionsEnded.one(onPhone.session()),
                () -> world.sessions.revoke(onPhone.session(), world.clock.now())));

        assertThat(world.principal(phone)).isEqualTo(onPhone);

        assertThat(lookupsWhile(() -> refused(phone))).isEqualTo(1);
    }

    @Test
    void givenARefreshedToken_whenTheTokenThatPutTheSessionInMemoryExpires_thenTheSessionIsLookedUpAgain() {
        world.clock.advance(Duration.ofMinutes(10));
        TokenPair refreshed = world.refresh.refresh(laptop.refreshToken());
        assertThat(lookupsWhile(() -> world.principal(refreshed))).isZero();

        world.clock.advance(Duration.ofMinutes(6));

        assertThat(lookupsWhile(() -> world.principal(refreshed))).isEqualTo(1);
        assertThat(lookupsWhile(() -> world.principal(refreshed))).isZero();
    }

    @Test
    void givenAFullMemory_whenAnotherSessionIsRemembered_thenItStartsAfreshAndTheEarlierAreLookedUpAgain() {
        var small = new ActiveSessionCache(world.sessions, world.sessionEvents, world.transactions, world.clock, 2);
        Principal first = onLaptop;
        Principal second = named(world.logIn.logIn("alice", PASSWORD, IP));
        Principal third = named(world.registered("bob").tokens());
        for (Principal each : new Principal[] {first, second, first, second}) {
            small.isActive(each.session(), each.user(), each.expiresAt());
        }
        assertThat(small.answeredFromDatabase()).isEqualTo(2);

        small.isActive(third.session(), third.user(), third.expiresAt());
        small.isActive(first.session(), first.user(), first.expiresAt());

        assertThat(small.answeredFromDatabase()).isEqualTo(4);
    }
}
