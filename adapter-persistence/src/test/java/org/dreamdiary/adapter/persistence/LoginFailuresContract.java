package org.dreamdiary.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dreamdiary.adapter.persistence.TestUsers.unique;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.dreamdiary.application.port.out.user.LoginFailures;
import org.dreamdiary.application.port.out.user.LoginFailures.Scope;
import org.dreamdiary.application.port.out.user.LoginFailures.Window;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every implementation of the {@link LoginFailures} port promises. Every test counts failures of its own
 * usernames and addresses, so the tests share one store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LoginFailuresContract {
    private static final Instant NOW = Instant.parse("2026-11-21T10:30:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(15);

    protected LoginFailures failures;

    protected abstract LoginFailures store();

    @BeforeAll
    void openStore() {
        failures = store();
    }

    private static String anAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256) + "-" + unique("");
    }

    /** A failure at {@code at}, forgetting only what is older than the throttle's window. */
    private void fail(String username, String address, Instant at) {
        failures.record(username, address, at, at.minus(WINDOW));
    }

    @Test
    void givenNoFailures_whenCounted_thenThereAreNoneAndNoOldest() {
        assertThat(failures.since(Scope.USERNAME, unique("clean"), NOW.minus(WINDOW)))
                .isEqualTo(new Window(0, Optional.empty()));
        assertThat(failures.since(Scope.IP, anAddress(), NOW.minus(WINDOW)))
                .isEqualTo(new Window(0, Optional.empty()));
    }

    @Test
    void givenFailuresOfSeveralUsersAndAddresses_whenCounted_thenEachScopeAndKeyHasItsOwnCountAndOldest() {
        String alice = unique("alice");
        String bob = unique("bob");
        String home = anAddress();
        String office = anAddress();
        Instant first = NOW.minusSeconds(300);
        Instant second = NOW.minusSeconds(200);
        Instant third = NOW.minusSeconds(100);
        fail(alice, home, first);
        fail(alice, office, second);
        fail(bob, home, third);

        Instant since = NOW.minus(WINDOW);
        assertThat(failures.since(Scope.USERNAME, alice, since)).isEqualTo(new Window(2, Optional.of(first)));
        assertThat(failures.since(Scope.USERNAME, bob, since)).isEqualTo(new Window(1, Optional.of(third)));
        assertThat(failures.since(Scope.IP, home, since)).isEqualTo(new Window(2, Optional.of(first)));
        assertThat(failures.since(Scope.IP, office, since)).isEqualTo(new Window(1, Optional.of(second)));
    }

    @Test
    void givenAUsernameThatLooksLikeAnAddress_whenCounted_thenTheScopesAreNotMixedUp() {
        String address = anAddress();
        fail(address, anAddress(), NOW);

        assertThat(failures.since(Scope.USERNAME, address, NOW.minus(WINDOW)).count()).isEqualTo(1);
        assertThat(failures.since(Scope.IP, address, NOW.minus(WINDOW)).count()).isZero();
    }

    @Test
    void givenFailuresBeforeAndAfterTheStartOfTheWindow_whenCounted_thenOnlyThoseAfterItCount() {
        String user = unique("window");
        Instant early = NOW.minusSeconds(600);
        Instant late = NOW.minusSeconds(60);
        // Recorded with an old horizon, so that nothing is forgotten yet.
        failures.record(user, anAddress(), early, NOW.minus(Duration.ofDays(1)));
        failures.record(user, anAddress(), late, NOW.minus(Duration.ofDays(1)));

        assertThat(failures.since(Scope.USERNAME, user, NOW.minusSeconds(300))).isEqualTo(new Window(1, Optional.of(late)));
        assertThat(failures.since(Scope.USERNAME, user, NOW.minusSeconds(900))).isEqualTo(new Window(2, Optional.of(early)));
    }

    @Test
    void givenFailuresOlderThanTheHorizon_whenAnotherFailureIsRecorded_thenTheOldOnesAreForgotten() {
        String user = unique("old");
        String address = anAddress();
        Instant old = NOW.minus(Duration.ofMinutes(20));
        Instant recent = NOW.minus(Duration.ofMinutes(10));
        failures.record(user, address, old, old.minus(WINDOW));
        failures.record(user, address, recent, recent.minus(WINDOW));
        assertThat(failures.since(Scope.USERNAME, user, Instant.EPOCH).count()).isEqualTo(2);

        failures.record(user, address, NOW, NOW.minus(WINDOW));

        assertThat(failures.since(Scope.USERNAME, user, Instant.EPOCH)).isEqualTo(new Window(2, Optional.of(recent)));
        assertThat(failures.since(Scope.IP, address, Instant.EPOCH)).isEqualTo(new Window(2, Optional.of(recent)));
    }

    @Test
    void givenFailuresOfTwoUsersFromOneAddress_whenOneUsersAreCleared_thenOnlyThatUsernamesCountIsGone() {
        String alice = unique("alice");
        String bob = unique("bob");
        String shared = anAddress();
        fail(alice, shared, NOW.minusSeconds(30));
        fail(alice, shared, NOW.minusSeconds(20));
        fail(bob, shared, NOW.minusSeconds(10));

        failures.clear(alice);

        Instant since = NOW.minus(WINDOW);
        assertThat(failures.since(Scope.USERNAME, alice, since)).isEqualTo(new Window(0, Optional.empty()));
        assertThat(failures.since(Scope.USERNAME, bob, since).count()).isEqualTo(1);
        // The address keeps every failure it made: clearing a username must not reopen guessing from that address.
        assertThat(failures.since(Scope.IP, shared, since).count()).isEqualTo(3);
    }

    @Test
    void givenAnAddressSpelledLikeTheClearedUsername_whenTheUsernameIsCleared_thenTheAddressKeepsItsFailures() {
        String both = anAddress();
        fail(both, both, NOW.minusSeconds(10));

        failures.clear(both);

        assertThat(failures.since(Scope.USERNAME, both, NOW.minus(WINDOW)).count()).isZero();
        assertThat(failures.since(Scope.IP, both, NOW.minus(WINDOW)).count()).isEqualTo(1);
    }
}
