package org.dreamdiary.application.service.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.dreamdiary.application.service.user.UserWorld.IP;
import static org.dreamdiary.application.service.user.UserWorld.OTHER_IP;
import static org.dreamdiary.application.service.user.UserWorld.PASSWORD;
import static org.dreamdiary.application.service.user.UserWorld.START;

import java.time.Duration;
import java.time.Instant;
import org.dreamdiary.application.port.in.user.Principal;
import org.dreamdiary.application.port.in.user.TokenPair;
import org.dreamdiary.application.port.out.user.Attempts.Scope;
import org.dreamdiary.application.service.WatchedTransactions.StoreFailure;
import org.dreamdiary.domain.error.TooManyAttemptsException;
import org.dreamdiary.domain.error.UnauthenticatedException;
import org.dreamdiary.domain.user.User;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LogInTest {

    private static final Duration WINDOW = Duration.ofMinutes(15);

    @AutoClose
    private final UserWorld world = new UserWorld();
    private User alice;

    @BeforeEach
    void aliceHasAnAccount() {
        alice = world.registered("Alice").user();
    }

    private void failOnce(String username) {
        failOnce(username, IP);
    }

    private void failOnce(String username, String ip) {
        assertThatThrownBy(() -> world.logIn.logIn(username, "wrong password", ip))
                .isInstanceOf(UnauthenticatedException.class);
    }

    private long failuresFor(Scope scope, String key) {
        return world.attempts(scope, key, world.clock.now(), WINDOW);
    }

    @Test
    void theRightPasswordGivesATokenPairOfANewSession() {
        int sessionsBefore = world.activeSessionsOf(alice.id()).size();

        TokenPair tokens = world.logIn.logIn("Alice", PASSWORD, IP);

        assertThat(tokens.accessToken()).isNotBlank();
        assertThat(tokens.refreshToken()).isNotBlank();
        assertThat(tokens.expiresInSeconds()).isEqualTo(WINDOW.toSeconds());
        Principal caller = world.principal(tokens);
        assertThat(caller.user()).isEqualTo(alice.id());
        assertThat(world.activeSessionsOf(alice.id())).hasSize(sessionsBefore + 1);
        assertThat(world.sessions.isActive(caller.session(), alice.id())).isTrue();
    }

    @Test
    void eachLoginOpensItsOwnSession() {
        Principal first = world.principal(world.logIn.logIn("Alice", PASSWORD, IP));
        Principal second = world.principal(world.logIn.logIn("Alice", PASSWORD, IP));

        assertThat(first.session()).isNotEqualTo(second.session());
    }

    @Test
    void theUsernameMayBeTypedInAnyCase() {
        TokenPair tokens = world.logIn.logIn("aLiCe", PASSWORD, IP);

        assertThat(world.principal(tokens).user()).isEqualTo(alice.id());
    }

    @Test
    void aWrongPasswordAndAnUnknownUsernameFailWithTheSameMessage() {
        UnauthenticatedException wrongPassword = catchThrowableOfType(UnauthenticatedException.class,
                () -> world.logIn.logIn("Alice", "not the password", IP));
        UnauthenticatedException unknownUser = catchThrowableOfType(UnauthenticatedException.class,
                () -> world.logIn.logIn("nobody", PASSWORD, IP));
        UnauthenticatedException notEvenAUsername = catchThrowableOfType(UnauthenticatedException.class,
                () -> world.logIn.logIn("no such user!", PASSWORD, IP));

        assertThat(wrongPassword).hasMessage("wrong username or password");
        assertThat(unknownUser).hasMessage(wrongPassword.getMessage());
        assertThat(notEvenAUsername).hasMessage(wrongPassword.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"nobody", "x", "not a valid username"})
    void anUnknownUsernameStillCostsOnePasswordCheckSoItTakesAsLongAsAWrongPassword(String username) {
        int checksBefore = world.hasher.matchesCalls();

        assertThatThrownBy(() -> world.logIn.logIn(username, PASSWORD, IP)).isInstanceOf(UnauthenticatedException.class);

        assertThat(world.hasher.matchesCalls()).isEqualTo(checksBefore + 1);
    }

    @Test
    void aWrongPasswordCostsExactlyOnePasswordCheckToo() {
        int checksBefore = world.hasher.matchesCalls();

        failOnce("Alice");

        assertThat(world.hasher.matchesCalls()).isEqualTo(checksBefore + 1);
    }

    @Test
    void eachFailureIsRecordedForTheLowerCasedUsernameAndForTheClientAddress() {
        failOnce("Alice");
        failOnce("ALICE");
        failOnce("nobody");

        assertThat(failuresFor(Scope.USERNAME, "alice")).isEqualTo(2);
        assertThat(failuresFor(Scope.USERNAME, "nobody")).isEqualTo(1);
        assertThat(failuresFor(Scope.LOGIN_ADDRESS, IP)).isEqualTo(3);
        assertThat(failuresFor(Scope.USERNAME, "Alice")).as("never stored under the typed spelling").isZero();
    }

    @Test
    void anAttemptIsReservedInItsOwnTransactionBeforeThePasswordIsCheckedAndAFailureKeepsIt() {
        int before = world.transactions.begun();
        world.hasher.onMatch(() -> assertThat(failuresFor(Scope.USERNAME, "alice"))
                .as("reserved before the password is checked").isEqualTo(1));

        failOnce("Alice");

        assertThat(world.transactions.begun()).isEqualTo(before + 1);
        assertThat(world.transactions.rolledBack()).isZero();
        assertThat(world.transactions.writesOutside()).isEmpty();
        assertThat(failuresFor(Scope.USERNAME, "alice")).isEqualTo(1);
    }

    @Test
    void aSuccessfulLoginIsAReservationAndThenOneTransactionThatGivesTheAddressItsAttemptBack() {
        int before = world.transactions.begun();

        world.logIn.logIn("Alice", PASSWORD, IP);

        assertThat(world.transactions.begun()).isEqualTo(before + 2);
        assertThat(world.transactions.writesOutside()).isEmpty();
        assertThat(failuresFor(Scope.LOGIN_ADDRESS, IP)).isZero();
        assertThat(failuresFor(Scope.USERNAME, "alice")).isZero();
    }

    @Test
    void givenTheNewSessionCannotBeStored_whenLoggingIn_thenTheCountsStayAsReservedAndNoSessionIsOpened() {
        failOnce("Alice");
        world.transactions.failNext("Sessions.addRefreshToken");

        assertThatThrownBy(() -> world.logIn.logIn("Alice", PASSWORD, IP)).isInstanceOf(StoreFailure.class);

        assertThat(failuresFor(Scope.USERNAME, "alice")).as("not cleared").isEqualTo(2);
        assertThat(failuresFor(Scope.LOGIN_ADDRESS, IP)).as("not given back").isEqualTo(2);
        assertThat(world.activeSessionsOf(alice.id())).as("only the registration's session").hasSize(1);
    }

    @Test
    void givenTheUsernameFull_whenTheAddressWouldStillHaveRoom_thenNeitherCountsTheRefusedAttempt() {
        for (int i = 0; i < 10; i++) {
            failOnce("Alice", "192.0.2." + i);
        }

        assertThatThrownBy(() -> world.logIn.logIn("Alice", PASSWORD, IP)).isInstanceOf(TooManyAttemptsException.class);

        assertThat(failuresFor(Scope.LOGIN_ADDRESS, IP)).as("the refusal undid the address's reservation").isZero();
    }

    @Test
    void afterTenFailuresForAUsernameInAnyCaseTheEleventhAttemptIsRefusedEvenWithTheRightPassword() {
        String[] spellings = {"Alice", "alice", "ALICE", "aLiCe", "alicE"};
        for (int i = 0; i < 10; i++) {
            failOnce(spellings[i % spellings.length]);
        }
        int checksBefore = world.hasher.matchesCalls();

        TooManyAttemptsException refused = catchThrowableOfType(TooManyAttemptsException.class,
                () -> world.logIn.logIn("alice", PASSWORD, IP));

        assertThat(refused).isNotNull();
        assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(WINDOW);
        assertThat(world.hasher.matchesCalls()).as("a throttled attempt checks no password").isEqualTo(checksBefore);
        assertThat(failuresFor(Scope.USERNAME, "alice")).as("and is not counted again").isEqualTo(10);
        assertThat(world.activeSessionsOf(alice.id())).as("only the registration's session").hasSize(1);
    }

    @Test
    void nineFailuresStillLeaveRoomForTheRightPassword() {
        for (int i = 0; i < 9; i++) {
            failOnce("Alice");
        }

        assertThat(world.logIn.logIn("Alice", PASSWORD, IP).accessToken()).isNotBlank();
    }

    @Test
    void theRetryAfterIsWhenTheOldestFailureLeavesTheWindow() {
        for (int i = 0; i < 10; i++) {
            failOnce("Alice");
            world.clock.advance(Duration.ofMinutes(1));
        }
        // Failures at START + 0..9 minutes; now START + 10 minutes: the first one leaves the window in 5 minutes.

        TooManyAttemptsException refused = catchThrowableOfType(TooManyAttemptsException.class,
                () -> world.logIn.logIn("Alice", PASSWORD, IP));

        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void whenTheOldestFailureLeavesTheWindowOneMoreAttemptIsAllowed() {
        for (int i = 0; i < 10; i++) {
            failOnce("Alice");
            world.clock.advance(Duration.ofMinutes(1));
        }
        world.clock.set(START.plus(WINDOW).plusMillis(1));

        assertThat(world.logIn.logIn("Alice", PASSWORD, IP).accessToken()).isNotBlank();
    }

    @Test
    void aThrottledUsernameDoesNotBlockOtherUsernamesFromTheSameAddress() {
        world.registered("bob");
        for (int i = 0; i < 10; i++) {
            failOnce("Alice");
        }

        assertThatThrownBy(() -> world.logIn.logIn("Alice", PASSWORD, IP)).isInstanceOf(TooManyAttemptsException.class);
        assertThat(world.logIn.logIn("bob", PASSWORD, IP).accessToken()).isNotBlank();
    }

    @Test
    void aThrottledUsernameIsRefusedFromEveryAddress() {
        for (int i = 0; i < 10; i++) {
            failOnce("Alice", IP);
        }

        assertThatThrownBy(() -> world.logIn.logIn("Alice", PASSWORD, OTHER_IP))
                .isInstanceOf(TooManyAttemptsException.class);
    }

    @Test
    void aHundredFailuresFromOneAddressAcrossDifferentUsernamesBlockThatAddress() {
        for (int i = 0; i < 100; i++) {
            failOnce("guess" + i);
        }
        assertThat(failuresFor(Scope.LOGIN_ADDRESS, IP)).isEqualTo(100);

        TooManyAttemptsException refused = catchThrowableOfType(TooManyAttemptsException.class,
                () -> world.logIn.logIn("Alice", PASSWORD, IP));

        assertThat(refused).isNotNull();
        assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(WINDOW);
        assertThat(world.logIn.logIn("Alice", PASSWORD, OTHER_IP).accessToken())
                .as("another address is not blocked").isNotBlank();
    }

    @Test
    void ninetyNineFailuresFromOneAddressStillLeaveRoomForOneMoreAttempt() {
        for (int i = 0; i < 99; i++) {
            failOnce("guess" + i);
        }

        assertThat(world.logIn.logIn("Alice", PASSWORD, IP).accessToken()).isNotBlank();
    }

    @Test
    void aSuccessClearsTheUsernamesFailures() {
        for (int i = 0; i < 9; i++) {
            failOnce("Alice");
        }

        world.logIn.logIn("ALICE", PASSWORD, IP);

        assertThat(failuresFor(Scope.USERNAME, "alice")).isZero();
        for (int i = 0; i < 10; i++) {
            failOnce("Alice"); // each of these would be refused as too many if the count had survived
        }
        assertThatThrownBy(() -> world.logIn.logIn("Alice", PASSWORD, IP)).isInstanceOf(TooManyAttemptsException.class);
    }

    @Test
    void aSuccessKeepsTheAddresssFailuresAndGivesBackOnlyItsOwnAttempt() {
        failOnce("nobody");
        failOnce("Alice");

        world.logIn.logIn("Alice", PASSWORD, IP);

        assertThat(failuresFor(Scope.LOGIN_ADDRESS, IP)).isEqualTo(2);
        assertThat(failuresFor(Scope.USERNAME, "nobody")).isEqualTo(1);
    }

    @Test
    void failuresOlderThanFifteenMinutesStopCounting() {
        for (int i = 0; i < 10; i++) {
            failOnce("Alice");
        }
        assertThatThrownBy(() -> world.logIn.logIn("Alice", PASSWORD, IP)).isInstanceOf(TooManyAttemptsException.class);

        world.clock.advance(WINDOW.plusSeconds(1));

        assertThat(failuresFor(Scope.USERNAME, "alice")).isZero();
        assertThat(world.logIn.logIn("Alice", PASSWORD, IP).accessToken()).isNotBlank();
    }

    @Test
    void theRecordedFailureCarriesTheClockTime() {
        Instant at = START.plus(Duration.ofMinutes(3));
        world.clock.set(at);

        failOnce("Alice");

        assertThat(world.attempts(Scope.USERNAME, "alice", at.plus(WINDOW).minusMillis(1), WINDOW)).isEqualTo(1);
        assertThat(world.attempts(Scope.USERNAME, "alice", at.plus(WINDOW), WINDOW)).isZero();
    }
}
