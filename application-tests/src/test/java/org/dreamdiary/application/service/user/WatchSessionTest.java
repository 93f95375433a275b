package org.dreamdiary.application.service.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dreamdiary.application.service.user.UserWorld.IP;
import static org.dreamdiary.application.service.user.UserWorld.PASSWORD;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.dreamdiary.application.change.ExpectedVersion;
import org.dreamdiary.application.port.in.user.Principal;
import org.dreamdiary.application.port.in.user.WatchSession.Subscription;
import org.dreamdiary.application.port.out.user.SessionsEnded;
import org.dreamdiary.domain.error.UnauthenticatedException;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class WatchSessionTest {

    @AutoClose
    private final UserWorld world = new UserWorld();
    private final Principal aliceOnHerLaptop = world.principal(world.registered("alice").tokens());
    private final Principal aliceOnHerPhone = world.principal(world.logIn.logIn("alice", PASSWORD, IP));
    private final Principal bob = world.principal(world.registered("bob").tokens());

    /** How often one live connection heard that its session ended. */
    private final class Ends {
        final AtomicInteger heard = new AtomicInteger();
        final Subscription subscription;

        Ends(Principal caller) {
            subscription = world.watchSession.watch(caller, heard::incrementAndGet);
        }
    }

    @Test
    void givenTwoSessionsWatched_whenOneLogsOut_thenOnlyItsWatcherHearsTheEndOnce() {
        Ends laptop = new Ends(aliceOnHerLaptop);
        Ends phone = new Ends(aliceOnHerPhone);

        world.logOut.logOut(aliceOnHerLaptop);
        world.logOut.logOut(aliceOnHerLaptop);
        world.sessionsEnded.settle();

        assertThat(laptop.heard).hasValue(1);
        assertThat(phone.heard).hasValue(0);
        assertThat(world.watchSession.watched()).isEqualTo(1);
        assertThat(world.sessionsEnded.published()).contains(SessionsEnded.one(aliceOnHerLaptop.session()));
    }

    @Test
    void givenSessionsWatched_whenThePasswordChanges_thenEveryOtherSessionOfTheUserEnds() {
        Ends laptop = new Ends(aliceOnHerLaptop);
        Ends phone = new Ends(aliceOnHerPhone);
        Ends bobs = new Ends(bob);

        world.changePassword.change(aliceOnHerLaptop, PASSWORD, "a brand new password", IP, ExpectedVersion.none());
        world.sessionsEnded.settle();

        assertThat(laptop.heard).as("the session that changed it").hasValue(0);
        assertThat(phone.heard).hasValue(1);
        assertThat(bobs.heard).hasValue(0);
    }

    @Test
    void givenSessionsWatched_whenTheAccountIsDeleted_thenEverySessionOfTheUserEnds() {
        Ends laptop = new Ends(aliceOnHerLaptop);
        Ends phone = new Ends(aliceOnHerPhone);
        Ends bobs = new Ends(bob);

        world.deleteAccount.delete(aliceOnHerLaptop, ExpectedVersion.none());
        world.sessionsEnded.settle();

        assertThat(laptop.heard).hasValue(1);
        assertThat(phone.heard).hasValue(1);
        assertThat(bobs.heard).hasValue(0);
        assertThat(world.sessionsEnded.published()).containsExactly(SessionsEnded.allOfUser(aliceOnHerLaptop.user()));
    }

    @Test
    void givenARefreshTokenPresentedTwice_whenRefreshed_thenItsSessionEnds() {
        var pair = world.logIn.logIn("bob", PASSWORD, IP);
        Ends watched = new Ends(world.principal(pair));
        world.refresh.refresh(pair.refreshToken());

        assertThatThrownBy(() -> world.refresh.refresh(pair.refreshToken())).isInstanceOf(UnauthenticatedException.class);
        world.sessionsEnded.settle();

        assertThat(watched.heard).hasValue(1);
    }

    @Test
    void givenAnEndedSession_whenWatched_thenItIsRefusedAndLeavesNoWatcher() {
        world.logOut.logOut(aliceOnHerPhone);

        assertThatThrownBy(() -> new Ends(aliceOnHerPhone)).isInstanceOf(UnauthenticatedException.class);
        assertThat(world.watchSession.watched()).isZero();
    }

    @Test
    void givenACancelledWatch_whenTheSessionEnds_thenNothingIsHeard() {
        Ends laptop = new Ends(aliceOnHerLaptop);
        laptop.subscription.cancel();

        world.logOut.logOut(aliceOnHerLaptop);
        world.sessionsEnded.settle();

        assertThat(laptop.heard).hasValue(0);
    }

    @Test
    void givenAWatcherThatFails_whenSessionsEnd_thenTheOthersStillHear() {
        world.watchSession.watch(aliceOnHerLaptop, () -> {
            throw new IllegalStateException("the socket is gone");
        });
        Ends phone = new Ends(aliceOnHerPhone);

        world.deleteAccount.delete(aliceOnHerPhone, ExpectedVersion.none());
        world.sessionsEnded.settle();

        assertThat(phone.heard).hasValue(1);
        assertThat(world.watchSession.watched()).isZero();
    }

    @Test
    void theTokensTimeLeftIsMeasuredByTheServicesClock() {
        // the token was issued at the fake clock's start, years before the machine's date: by that it is long gone
        assertThat(world.watchSession.tokenLeft(aliceOnHerLaptop)).isEqualTo(Duration.ofMinutes(15));

        world.clock.advance(Duration.ofMinutes(14));
        assertThat(world.watchSession.tokenLeft(aliceOnHerLaptop)).isEqualTo(Duration.ofMinutes(1));

        world.clock.advance(Duration.ofMinutes(2));
        assertThat(world.watchSession.tokenLeft(aliceOnHerLaptop)).isZero();
    }
}
