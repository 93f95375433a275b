package org.dreamdiary.persistence.contract;

import static org.dreamdiary.persistence.contract.TestUsers.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.dreamdiary.application.port.out.Storage;
import org.dreamdiary.application.port.out.user.Attempts;
import org.dreamdiary.application.port.out.user.Attempts.Quota;
import org.dreamdiary.application.port.out.user.Attempts.Scope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every implementation of the {@link Attempts} port promises. Every test uses keys of its own, so the tests
 * share one store; forgetting, which counts what it deletes across the whole store, runs on a store of its own.
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

    @Test
    void givenAttemptsRecordedOutOfOrder_whenForgetting_thenTheLatestByTimeDecidesNotTheLastRecorded() {
        String key = unique("skewed");
        Instant horizon = NOW.minus(Duration.ofDays(400));
        attempts.reserve(three(Scope.LOGIN_ADDRESS, key), horizon.plusSeconds(10));
        attempts.reserve(three(Scope.LOGIN_ADDRESS, key), horizon.minusSeconds(10));

        attempts.forgetOlderThan(horizon, 1000);

        assertTrue(attempts.reserve(new Quota(Scope.LOGIN_ADDRESS, key, 2, Duration.ofDays(1000)), NOW).isPresent(),
                "an attempt after the horizon keeps the key");
    }

    @Test
    void givenMoreOldKeysThanTheBatch_whenForgotten_thenEachCallDeletesAtMostTheBatch() {
        Instant ancient = NOW.minus(Duration.ofDays(3000));
        try (Storage own = newStorage()) {
            for (int i = 0; i < 5; i++) {
                own.attempts().reserve(new Quota(Scope.REGISTRATION_ADDRESS, unique("ancient"), 1, WINDOW), ancient);
            }
            own.attempts().reserve(new Quota(Scope.REGISTRATION_ADDRESS, unique("recent"), 1, WINDOW), ancient.plusSeconds(1));

            assertEquals(2, own.attempts().forgetOlderThan(ancient.plusSeconds(1), 2));
            assertEquals(3, own.attempts().forgetOlderThan(ancient.plusSeconds(1), 100));
            assertEquals(0, own.attempts().forgetOlderThan(ancient.plusSeconds(1), 100));
        }
    }

    @Test
    void givenTwoHundredAttemptsForOneKeyAtOnce_whenReserved_thenExactlyTheLimitIsRecorded() {
        String key = unique("raced");
        Quota ten = new Quota(Scope.USERNAME, key, 10, WINDOW);

        List<Optional<Instant>> outcomes = AllAtOnce.call(200, i -> attempts.reserve(ten, NOW.plusMillis(i % 7)));

        assertEquals(10, outcomes.stream().filter(Optional::isEmpty).count(), "recorded");
        for (Optional<Instant> refused : outcomes.stream().filter(Optional::isPresent).toList()) {
            Instant freeAt = refused.orElseThrow();
            assertTrue(!freeAt.isBefore(NOW.plus(WINDOW)) && !freeAt.isAfter(NOW.plus(WINDOW).plusMillis(7)), freeAt::toString);
        }
        assertRecorded(10, Scope.USERNAME, key, NOW.plusMillis(7));
    }

    @Test
    void givenAttemptsForOneAddressUnderManyUsernamesAtOnce_whenEachReservesBothInOneTransaction_thenTheAddressLimitHolds() {
        String address = unique("address");

        List<Boolean> reserved = AllAtOnce.call(150, i -> {
            try {
                return storage.transactions().inTransaction(() -> {
                    if (attempts.reserve(new Quota(Scope.USERNAME, "user" + i + address, 1, WINDOW), NOW).isPresent()
                            || attempts.reserve(new Quota(Scope.LOGIN_ADDRESS, address, 100, WINDOW), NOW).isPresent()) {
                        throw new IllegalStateException("refused");
                    }
                    return true;
                });
            } catch (IllegalStateException refused) {
                return false;
            }
        });

        assertEquals(100, reserved.stream().filter(ok -> ok).count(), "admitted");
        assertRecorded(100, Scope.LOGIN_ADDRESS, address, NOW);
        for (int i = 0; i < reserved.size(); i++) {
            boolean usernameHasRoom = attempts.reserve(new Quota(Scope.USERNAME, "user" + i + address, 1, WINDOW), NOW).isEmpty();
            assertEquals(!reserved.get(i), usernameHasRoom,
                    "a refused address undid the reservation of the username made in the same transaction");
        }
    }

    @Test
    void givenAReservationInATransactionThatFails_whenItRollsBack_thenTheAttemptIsNotCounted() {
        String key = unique("undone");

        assertThrows(IllegalStateException.class, () -> storage.transactions().inTransaction(() -> {
            attempts.reserve(new Quota(Scope.USERNAME, key, 1, WINDOW), NOW);
            throw new IllegalStateException("the next quota was full");
        }));

        assertEquals(Optional.empty(), attempts.reserve(new Quota(Scope.USERNAME, key, 1, WINDOW), NOW));
    }

    /**
     * That exactly {@code count} attempts of the key are on record in the window before {@code at}: a quota of one
     * more has room for one attempt, and then none.
     */
    private void assertRecorded(int count, Scope scope, String key, Instant at) {
        Quota oneMore = new Quota(scope, key, count + 1, WINDOW);
        assertEquals(Optional.empty(), attempts.reserve(oneMore, at), "more than " + count + " on record");
        assertTrue(attempts.reserve(oneMore, at).isPresent(), "fewer than " + count + " on record");
    }
}
