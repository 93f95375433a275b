package org.dreamdiary.persistence.contract;

import static org.dreamdiary.persistence.contract.TestUsers.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.dreamdiary.application.port.out.user.Attempts;
import org.dreamdiary.application.port.out.user.Attempts.Quota;
import org.dreamdiary.application.port.out.user.Attempts.Scope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every implementation of the {@link Attempts} port promises. Every test uses keys of its own, so the tests
 * share one store.
 */
public abstract class AttemptsContract extends StorageContract {
    protected static final Instant NOW = Instant.parse("2026-11-21T10:30:00Z");
    protected static final Duration WINDOW = Duration.ofMinutes(15);

    private Attempts attempts;

    @BeforeEach
    final void takeAttempts() {
        attempts = storage.attempts();
    }

    private static Quota three(Scope scope, String key) {
        return new Quota(scope, key, 3, WINDOW);
    }

    @Test
    void givenRoomInTheWindow_whenReserving_thenEachIsRecordedUntilTheLimitAndTheNextIsRefusedUntilTheOldestLeaves() {
        String key = unique("alice");
        Instant first = NOW.minusSeconds(300);

        assertEquals(Optional.empty(), attempts.reserve(three(Scope.USERNAME, key), first));
        assertEquals(Optional.empty(), attempts.reserve(three(Scope.USERNAME, key), NOW.minusSeconds(200)));
        assertEquals(Optional.empty(), attempts.reserve(three(Scope.USERNAME, key), NOW.minusSeconds(100)));

        assertEquals(Optional.of(first.plus(WINDOW)), attempts.reserve(three(Scope.USERNAME, key), NOW));
        assertEquals(Optional.of(first.plus(WINDOW)), attempts.reserve(three(Scope.USERNAME, key), NOW), "a refusal records nothing");
    }

    @Test
    void givenAttemptsOlderThanTheWindow_whenReserving_thenTheyCountForNothing() {
        String key = unique("old");
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), attempts.reserve(three(Scope.USERNAME, key), NOW.minus(WINDOW).minusSeconds(10 - i)));
        }

        assertEquals(Optional.empty(), attempts.reserve(three(Scope.USERNAME, key), NOW));
    }

    @Test
    void givenAFullKey_whenReservingForTheSameKeyInAnotherScopeOrAnotherKey_thenThoseHaveRoomOfTheirOwn() {
        String key = unique("shared");
        for (int i = 0; i < 3; i++) {
            attempts.reserve(three(Scope.USERNAME, key), NOW);
        }

        assertTrue(attempts.reserve(three(Scope.USERNAME, key), NOW).isPresent());
        assertEquals(Optional.empty(), attempts.reserve(three(Scope.LOGIN_ADDRESS, key), NOW));
        assertEquals(Optional.empty(), attempts.reserve(three(Scope.REGISTRATION_ADDRESS, key), NOW));
        assertEquals(Optional.empty(), attempts.reserve(three(Scope.USERNAME, unique("other")), NOW));
    }

    @Test
    void givenTwoAttemptsInOneMillisecond_whenOneIsReleased_thenTheOtherStillCounts() {
        String key = unique("address");
        attempts.reserve(three(Scope.LOGIN_ADDRESS, key), NOW);
        attempts.reserve(three(Scope.LOGIN_ADDRESS, key), NOW);
        attempts.reserve(three(Scope.LOGIN_ADDRESS, key), NOW.plusSeconds(1));

        attempts.release(Scope.LOGIN_ADDRESS, key, NOW);

        assertEquals(Optional.empty(), attempts.reserve(three(Scope.LOGIN_ADDRESS, key), NOW.plusSeconds(2)));
        assertTrue(attempts.reserve(three(Scope.LOGIN_ADDRESS, key), NOW.plusSeconds(3)).isPresent());
    }

    @Test
    void givenAnAttemptNotOnRecord_whenReleased_thenNothingChanges() {
        String key = unique("address");
        for (int i = 0; i < 3; i++) {
            attempts.reserve(three(Scope.LOGIN_ADDRESS, key), NOW);
        }

        attempts.release(Scope.LOGIN_ADDRESS, key, NOW.minusSeconds(1));
        attempts.release(Scope.LOGIN_ADDRESS, unique("unknown"), NOW);

        assertTrue(attempts.reserve(three(Scope.LOGIN_ADDRESS, key), NOW).isPresent());
    }

    @Test
    void givenAFullUsername_whenCleared_thenItHasRoomAgainAndTheAddressKeepsItsAttempts() {
        String both = unique("both");
        for (int i = 0; i < 3; i++) {
            attempts.reserve(three(Scope.USERNAME, both), NOW);
            attempts.reserve(three(Scope.LOGIN_ADDRESS, both), NOW);
        }

        attempts.clear(Scope.USERNAME, both);

        assertEquals(Optional.empty(), attempts.reserve(three(Scope.USERNAME, both), NOW));
        assertEquals(Optional.of(NOW.plus(WINDOW)), attempts.reserve(three(Scope.LOGIN_ADDRESS, both), NOW));
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

        assertTrue(gone >= 1, gone + " forgotten");
        assertEquals(Optional.empty(), attempts.reserve(new Quota(Scope.USERNAME, stale, 1, Duration.ofDays(1000)), NOW), "forgotten");
        assertTrue(attempts.reserve(new Quota(Scope.USERNAME, fresh, 2, Duration.ofDays(1000)), NOW).isPresent(), "kept");
    }
}
