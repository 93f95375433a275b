package org.dreamdiary.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dreamdiary.adapter.persistence.TestUsers.unique;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.dreamdiary.application.port.out.user.Attempts;
import org.dreamdiary.application.port.out.user.Attempts.Quota;
import org.dreamdiary.application.port.out.user.Attempts.Scope;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every implementation of the {@link Attempts} port promises. Every test uses keys of its own, so the tests
 * share one store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AttemptsContract {
    static final Instant NOW = Instant.parse("2026-11-21T10:30:00Z");
    static final Duration WINDOW = Duration.ofMinutes(15);

    protected Attempts attempts;

    protected abstract Attempts store();

    @BeforeAll
    void openStore() {
        attempts = store();
    }

    static Quota three(Scope scope, String key) {
        return new Quota(scope, key, 3, WINDOW);
    }

    @Test
    void givenRoomInTheWindow_whenReserving_thenEachIsRecordedUntilTheLimitAndTheNextIsRefusedUntilTheOldestLeaves() {
        String key = unique("alice");
        Instant first = NOW.minusSeconds(300);

        assertThat(attempts.reserve(three(Scope.USERNAME, key), first)).isEmpty();
        assertThat(attempts.reserve(three(Scope.USERNAME, key), NOW.minusSeconds(200))).isEmpty();
        assertThat(attempts.reserve(three(Scope.USERNAME, key), NOW.minusSeconds(100))).isEmpty();

        assertThat(attempts.reserve(three(Scope.USERNAME, key), NOW)).contains(first.plus(WINDOW));
        assertThat(attempts.reserve(three(Scope.USERNAME, key), NOW)).as("a refusal records nothing")
                .contains(first.plus(WINDOW));
    }

    @Test
    void givenAttemptsOlderThanTheWindow_whenReserving_thenTheyCountForNothing() {
        String key = unique("old");
        for (int i = 0; i < 3; i++) {
            assertThat(attempts.reserve(three(Scope.USERNAME, key), NOW.minus(WINDOW).minusSeconds(10 - i))).isEmpty();
        }

        assertThat(attempts.reserve(three(Scope.USERNAME, key), NOW)).isEmpty();
    }

    @Test
    void givenAFullKey_whenReservingForTheSameKeyInAnotherScopeOrAnotherKey_thenThoseHaveRoomOfTheirOwn() {
        String key = unique("shared");
        for (int i = 0; i < 3; i++) {
            attempts.reserve(three(Scope.USERNAME, key), NOW);
        }

        assertThat(attempts.reserve(three(Scope.USERNAME, key), NOW)).isPresent();
        assertThat(attempts.reserve(three(Scope.LOGIN_ADDRESS, key), NOW)).isEmpty();
        assertThat(attempts.reserve(three(Scope.REGISTRATION_ADDRESS, key), NOW)).isEmpty();
        assertThat(attempts.reserve(three(Scope.USERNAME, unique("other")), NOW)).isEmpty();
    }

    @Test
    void givenTwoAttemptsInOneMillisecond_whenOneIsReleased_thenTheOtherStillCounts() {
        String key = unique("address");
        attempts.reserve(three(Scope.LOGIN_ADDRESS, key), NOW);
        attempts.reserve(three(Scope.LOGIN_ADDRESS, key), NOW);
        attempts.reserve(three(Scope.LOGIN_ADDRESS, key), NOW.plusSeconds(1));

        attempts.release(Scope.LOGIN_ADDRESS, key, NOW);

        assertThat(attempts.reserve(three(Scope.LOGIN_ADDRESS, key), NOW.plusSeconds(2))).isEmpty();
        assertThat(attempts.reserve(three(Scope.LOGIN_ADDRESS, key), NOW.plusSeconds(3))).isPresent();
    }

    @Test
    void givenAnAttemptNotOnRecord_whenReleased_thenNothingChanges() {
        String key = unique("address");
        for (int i = 0; i < 3; i++) {
            attempts.reserve(three(Scope.LOGIN_ADDRESS, key), NOW);
        }

        attempts.release(Scope.LOGIN_ADDRESS, key, NOW.minusSeconds(1));
        attempts.release(Scope.LOGIN_ADDRESS, unique("unknown"), NOW);

        assertThat(attempts.reserve(three(Scope.LOGIN_ADDRESS, key), NOW)).isPresent();
    }

    @Test
    void givenAFullUsername_whenCleared_thenItHasRoomAgainAndTheAddressKeepsItsAttempts() {
        String both = unique("both");
        for (int i = 0; i < 3; i++) {
            attempts.reserve(three(Scope.USERNAME, both), NOW);
            attempts.reserve(three(Scope.LOGIN_ADDRESS, both), NOW);
        }

        attempts.clear(Scope.USERNAME, both);

        assertThat(attempts.reserve(three(Scope.USERNAME, both), NOW)).isEmpty();
        assertThat(attempts.reserve(three(Scope.LOGIN_ADDRESS, both), NOW)).isEqualTo(Optional.of(NOW.plus(WINDOW)));
    }

    @Test
    void givenKeysWhoseLatestAttemptIsOlderThanTheHorizon_whenForgotten_thenOnlyTheyGo() {
        String stale = unique("stale");
        String fresh = unique("fresh");
        Instant horizon = NOW.minus(Duration.ofDays(400));
        attempts.reserve(three(Scope.USERNAME, stale), horizon.minusSeconds(2));
        attempts.reserve(three(Scope.USERNAME, stale), horizon.minusSeconds(1));
        attempts.reserve(three(Scope.USERNAME, fresh), horizon.minusSeconds(1));
        attempts.reserve(three(Scope.USERNAME, fresh), horizon.plusSeconds(1));

        int gone = attempts.forgetOlderThan(horizon, 1000);

        assertThat(gone).isGreaterThanOrEqualTo(1);
        assertThat(attempts.reserve(new Quota(Scope.USERNAME, stale, 1, Duration.ofDays(1000)), NOW)).as("forgotten").isEmpty();
        assertThat(attempts.reserve(new Quota(Scope.USERNAME, fresh, 2, Duration.ofDays(1000)), NOW)).as("kept").isPresent();
    }
}
