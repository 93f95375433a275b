package org.dreamdiary.application.service.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.dreamdiary.application.service.user.UserWorld.IP;
import static org.dreamdiary.application.service.VersionPreconditions.profileAt;
import static org.dreamdiary.application.service.user.UserWorld.PASSWORD;

import java.time.Duration;
import org.dreamdiary.application.change.ExpectedVersion;
import org.dreamdiary.application.port.in.user.Principal;
import org.dreamdiary.application.port.in.user.TokenPair;
import org.dreamdiary.application.port.out.user.Attempts.Scope;
import org.dreamdiary.application.service.WatchedTransactions.StoreFailure;
import org.dreamdiary.domain.error.FieldError;
import org.dreamdiary.domain.error.InvalidValueException;
import org.dreamdiary.domain.error.StaleVersionException;
import org.dreamdiary.domain.error.TooManyAttemptsException;
import org.dreamdiary.domain.error.UnauthenticatedException;
import org.dreamdiary.domain.error.ValidationException;
import org.dreamdiary.domain.user.User;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChangePasswordTest {

    private static final String NEW_PASSWORD = "a brand new passphrase";

    @AutoClose
    private final UserWorld world = new UserWorld();
    private User alice;
    private TokenPair current;
    private Principal caller;

    @BeforeEach
    void aliceIsLoggedIn() {
        var registration = world.registered("Alice");
        alice = registration.user();
        current = registration.tokens();
        caller = world.principal(current);
        world.clock.advance(Duration.ofMinutes(1));
    }

    private void wrongCurrentPassword() {
        assertThatThrownBy(() -> world.changePassword.change(caller, "not my password", NEW_PASSWORD, IP, ExpectedVersion.none()))
                .isInstanceOf(ValidationException.class);
    }

    private long failuresForAlice() {
        return world.attempts(Scope.USERNAME, "alice", world.clock.now(), Duration.ofMinutes(15));
    }

    @Test
    void aWrongCurrentPasswordIsAValidationErrorOnCurrentPassword() {
        ValidationException refused = catchThrowableOfType(ValidationException.class,
                () -> world.changePassword.change(caller, "not my password", NEW_PASSWORD, IP, ExpectedVersion.none()));

        assertThat(refused.errors()).extracting(FieldError::field).containsExactly("current_password");
        assertThat(world.stored(alice).passwordHash()).isEqualTo(alice.passwordHash());
        assertThat(world.stored(alice).version()).isEqualTo(1);
    }

    @Test
    void aWrongCurrentPasswordCountsAsAFailedLoginForTheUsernameAndTheAddress() {
        wrongCurrentPassword();

        assertThat(failuresForAlice()).isEqualTo(1);
        assertThat(world.attempts(Scope.LOGIN_ADDRESS, IP, world.clock.now(), Duration.ofMinutes(15)))
                .isEqualTo(1);
        assertThat(world.transactions.writesOutside()).isEmpty();
    }

    @Test
    void afterTenWrongCurrentPasswordsEvenTheRightOneIsRefusedForAWhile() {
        for (int i = 0; i < 10; i++) {
            wrongCurrentPassword();
        }

        TooManyAttemptsException refused = catchThrowableOfType(TooManyAttemptsException.class,
                () -> world.changePassword.change(caller, PASSWORD, NEW_PASSWORD, IP, ExpectedVersion.none()));

        assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(15));
        assertThat(world.stored(alice).passwordHash()).isEqualTo(alice.passwordHash());
    }

    @Test
    void wrongCurrentPasswordsAndFailedLoginsShareOneCount() {
        for (int i = 0; i < 5; i++) {
            wrongCurrentPassword();
            assertThatThrownBy(() -> world.logIn.logIn("ALICE", "wrong", IP)).isInstanceOf(UnauthenticatedException.class);
        }

        assertThatThrownBy(() -> world.logIn.logIn("alice", PASSWORD, IP)).isInstanceOf(TooManyAttemptsException.class);
        assertThatThrownBy(() -> world.changePassword.change(caller, PASSWORD, NEW_PASSWORD, IP, ExpectedVersion.none()))
                .isInstanceOf(TooManyAttemptsException.class);
    }

    @Test
    void theRightCurrentPasswordStoresTheNewHashAndMovesTheVersionOn() {
        world.changePassword.change(caller, PASSWORD, NEW_PASSWORD, IP, ExpectedVersion.none());

        User stored = world.stored(alice);
        assertThat(world.hasher.matches(NEW_PASSWORD, stored.passwordHash())).isTrue();
        assertThat(world.hasher.matches(PASSWORD, stored.passwordHash())).isFalse();
        assertThat(stored.passwordHash()).doesNotContain(NEW_PASSWORD);
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.updatedAt()).isEqualTo(world.clock.now());
        assertThat(stored.createdAt()).isEqualTo(alice.createdAt());
    }

    @Test
    void givenTheProfileAtTheVersionTheClientSaw_whenChanging_thenThePasswordChanges() {
        world.changePassword.change(caller, PASSWORD, NEW_PASSWORD, IP, profileAt(1));

        assertThat(world.hasher.matches(NEW_PASSWORD, world.stored(alice).passwordHash())).isTrue();
    }

    @Test
    void givenTheAccountChangedSinceTheClientSawIt_whenChanging_thenStaleAndThePasswordStays() {
        world.changePassword.change(caller, PASSWORD, NEW_PASSWORD, IP, profileAt(1));

        assertThatThrownBy(() -> world.changePassword.change(caller, NEW_PASSWORD, "yet another passphrase", IP,
                profileAt(1))).isInstanceOf(StaleVersionException.class);

        assertThat(world.hasher.matches(NEW_PASSWORD, world.stored(alice).passwordHash())).isTrue();
        assertThat(world.stored(alice).version()).isEqualTo(2);
    }

    @Test
    void afterTheChangeOnlyTheNewPasswordLogsIn() {
        world.changePassword.change(caller, PASSWORD, NEW_PASSWORD, IP, ExpectedVersion.none());

        assertThatThrownBy(() -> world.logIn.logIn("Alice", PASSWORD, IP)).isInstanceOf(UnauthenticatedException.class);
        assertThat(world.logIn.logIn("Alice", NEW_PASSWORD, IP).accessToken()).isNotBlank();
    }

    @Test
    void everyOtherSessionIsRevokedButTheCurrentOneIsKept() {
        TokenPair phone = world.logIn.logIn("Alice", PASSWORD, IP);
        TokenPair tablet = world.logIn.logIn("Alice", PASSWORD, IP);
        TokenPair bobs = world.registered("bob").tokens();

        world.changePassword.change(caller, PASSWORD, NEW_PASSWORD, IP, ExpectedVersion.none());

        assertThat(world.principal(current)).isEqualTo(caller);
        assertThat(world.refresh.refresh(current.refreshToken()).refreshToken()).isNotBlank();
        for (TokenPair other : new TokenPair[] {phone, tablet}) {
            assertThatThrownBy(() -> world.principal(other)).isInstanceOf(UnauthenticatedException.class);
            assertThatThrownBy(() -> world.refresh.refresh(other.refreshToken()))
                    .isInstanceOf(UnauthenticatedException.class);
        }
        assertThat(world.principal(bobs)).as("other users' sessions are untouched").isNotNull();
        assertThat(world.activeSessionsOf(alice.id())).containsExactly(caller.session());
    }

    @Test
    void theChangeIsAReservationOfTheAttemptAndThenOneTransaction() {
        int before = world.transactions.begun();

        world.changePassword.change(caller, PASSWORD, NEW_PASSWORD, IP, ExpectedVersion.none());

        assertThat(world.transactions.begun()).isEqualTo(before + 2);
        assertThat(world.transactions.writesOutside()).isEmpty();
    }

    @Test
    void givenTheLastWriteOfTheChangeFails_whenChanging_thenThePasswordTheOtherSessionsAndTheCountStayAsTheyWere() {
        Principal onPhone = world.principal(world.logIn.logIn("Alice", PASSWORD, IP));
        world.transactions.failNext("Attempts.release");

        assertThatThrownBy(() -> world.changePassword.change(caller, PASSWORD, NEW_PASSWORD, IP, ExpectedVersion.none()))
                .isInstanceOf(StoreFailure.class);

        assertThat(world.stored(alice)).isEqualTo(alice);
        assertThat(world.sessions.isActive(onPhone.session(), alice.id())).isTrue();
        assertThat(failuresForAlice()).as("the reservation stays, not cleared").isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 7, 129})
    void aNewPasswordBreakingThePolicyIsRefusedAndNothingChanges(int length) {
        int checksBefore = world.hasher.matchesCalls();

        assertThatThrownBy(() -> world.changePassword.change(caller, PASSWORD, "n".repeat(length), IP, ExpectedVersion.none()))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("must be 8 to 128 characters");

        assertThat(world.stored(alice)).isEqualTo(alice);
        assertThat(world.hasher.matchesCalls()).as("not even the current password is checked").isEqualTo(checksBefore);
        assertThat(failuresForAlice()).isZero();
    }

    @Test
    void theNewPasswordIsTakenExactlyAsTyped() {
        String padded = " " + NEW_PASSWORD + " ";

        world.changePassword.change(caller, PASSWORD, padded, IP, ExpectedVersion.none());

        assertThat(world.hasher.matches(padded, world.stored(alice).passwordHash())).isTrue();
        assertThat(world.hasher.matches(NEW_PASSWORD, world.stored(alice).passwordHash())).isFalse();
    }
}
