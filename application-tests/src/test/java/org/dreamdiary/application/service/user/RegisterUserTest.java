package org.dreamdiary.application.service.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.dreamdiary.application.service.user.UserWorld.IP;
import static org.dreamdiary.application.service.user.UserWorld.OTHER_IP;
import static org.dreamdiary.application.service.user.UserWorld.PASSWORD;
import static org.dreamdiary.application.service.user.UserWorld.REGISTRATIONS_PER_HOUR;
import static org.dreamdiary.application.service.user.UserWorld.START;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.dreamdiary.application.port.in.user.Principal;
import org.dreamdiary.application.port.in.user.RegisterUser;
import org.dreamdiary.application.port.in.user.RegisterUser.Registration;
import org.dreamdiary.application.port.out.user.Attempts.Scope;
import org.dreamdiary.application.service.WatchedTransactions.StoreFailure;
import org.dreamdiary.domain.error.ConflictException;
import org.dreamdiary.domain.error.InvalidValueException;
import org.dreamdiary.domain.error.TooManyAttemptsException;
import org.dreamdiary.domain.user.Email;
import org.dreamdiary.domain.user.FullName;
import org.dreamdiary.domain.user.PhoneNumber;
import org.dreamdiary.domain.user.User;
import org.dreamdiary.domain.user.Username;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegisterUserTest {

    @AutoClose
    private final UserWorld world = new UserWorld();

    /** The refresh-token hashes the use cases handed to the store, in hex: all the store ever holds of the tokens. */
    private List<String> tokenHashesHandedToTheStore() {
        return world.transactions.calls("Sessions.addRefreshToken").stream()
                .map(call -> HexFormat.of().formatHex((byte[]) call.arg(0)))
                .toList();
    }

    @Test
    void registeringReturnsTheNewUserAndATokenPairOfAFreshSession() {
        Registration registration = world.registered("Dreamer");

        User user = registration.user();
        assertThat(user.username()).isEqualTo(new Username("Dreamer"));
        assertThat(user.version()).isEqualTo(1);
        assertThat(user.createdAt()).isEqualTo(START);
        assertThat(world.stored(user)).isEqualTo(user);

        assertThat(registration.tokens().accessToken()).isNotBlank();
        assertThat(registration.tokens().refreshToken()).isNotBlank();
        assertThat(registration.tokens().expiresInSeconds()).isEqualTo(15 * 60);
        Principal caller = world.principal(registration.tokens());
        assertThat(caller.user()).isEqualTo(user.id());
        assertThat(world.activeSessionsOf(user.id())).containsExactly(caller.session());
    }

    @Test
    void theOptionalPartsOfTheCommandAreStored() {
        Registration registration = world.register.register(new RegisterUser.Command(new Username("ada"), PASSWORD,
                Optional.of(new Email("Ada@Example.com")), Optional.of(new FullName("Ada Lovelace")),
                Optional.of(new PhoneNumber("+441234567890"))), IP);

        User stored = world.stored(registration.user());
        assertThat(stored.email()).isEqualTo(new Email("Ada@Example.com"));
        assertThat(stored.fullName()).isEqualTo(new FullName("Ada Lovelace"));
        assertThat(stored.phoneNumber()).isEqualTo(new PhoneNumber("+441234567890"));
        assertThat(stored.avatarAttachmentId()).isNull();
    }

    @Test
    void thePasswordIsStoredOnlyAsItsHashNeverAsTyped() {
        Registration registration = world.registered("dreamer", PASSWORD);

        String stored = world.stored(registration.user()).passwordHash();
        assertThat(stored).isNotEqualTo(PASSWORD).doesNotContain(PASSWORD);
        assertThat(world.hasher.matches(PASSWORD, stored)).isTrue();
        assertThat(world.hasher.matches(PASSWORD + "x", stored)).isFalse();
    }

    @Test
    void theRefreshTokenIsStoredOnlyAsItsSha256() {
        Registration registration = world.registered("dreamer");

        String refreshToken = registration.tokens().refreshToken();
        assertThat(tokenHashesHandedToTheStore())
                .containsExactly(HexFormat.of().formatHex(RefreshTokens.hash(refreshToken)))
                .noneMatch(stored -> stored.contains(refreshToken));
    }

    @Test
    void aUsernameTakenInAnotherCaseIsAConflictAndNothingMoreIsStored() {
        Registration first = world.registered("Alice");

        assertThatThrownBy(() -> world.registered("aLICE"))
                .isInstanceOf(ConflictException.class)
                .hasMessage("the username is taken");

        assertThat(world.accounts()).isEqualTo(1);
        assertThat(world.users.byUsername(new Username("alice"))).contains(first.user());
        assertThat(tokenHashesHandedToTheStore()).hasSize(1);
    }

    @Test
    void aTakenUsernameIsRefusedBeforeThePasswordIsHashed() {
        world.registered("Alice");
        long hashed = world.hasher.hashesOf(PASSWORD);

        assertThatThrownBy(() -> world.registered("alice")).isInstanceOf(ConflictException.class);

        assertThat(world.hasher.hashesOf(PASSWORD)).isEqualTo(hashed);
    }

    @Test
    void anEmailAddressTakenInAnotherCaseIsAConflict() {
        world.registeredWithEmail("alice", "alice@example.com");

        assertThatThrownBy(() -> world.registeredWithEmail("bob", "ALICE@Example.COM"))
                .isInstanceOf(ConflictException.class)
                .hasMessage("the e-mail address is taken");
        assertThat(world.accounts()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 7, 129})
    void aPasswordBreakingThePolicyIsRefusedBeforeAnythingIsHashedOrStored(int length) {
        assertThatThrownBy(() -> world.registered("dreamer", "p".repeat(length)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("must be 8 to 128 characters");

        assertThat(world.hasher.hashesOf("p".repeat(length))).isZero();
        assertThat(world.transactions.begun()).isZero();
        assertThat(world.accounts()).isZero();
        assertThat(tokenHashesHandedToTheStore()).isEmpty();
    }

    @Test
    void aPasswordWithSurroundingSpacesIsTakenExactlyAsTyped() {
        String padded = "  " + PASSWORD + "  ";

        Registration registration = world.registered("dreamer", padded);

        String stored = world.stored(registration.user()).passwordHash();
        assertThat(world.hasher.matches(padded, stored)).isTrue();
        assertThat(world.hasher.matches(PASSWORD, stored)).isFalse();
    }

    @Test
    void registeringReservesTheAttemptInOneTransactionAndRegistersInAnotherAndHashesOutsideBoth() {
        world.registered("dreamer");

        assertThat(world.transactions.begun()).isEqualTo(2);
        assertThat(world.transactions.writesOutside()).isEmpty();
    }

    @Test
    void givenTheRefreshTokenCannotBeStored_whenRegistering_thenNoAccountIsLeftButTheReservedAttemptCounts() {
        world.transactions.failNext("Sessions.addRefreshToken");

        assertThatThrownBy(() -> world.registered("dreamer")).isInstanceOf(StoreFailure.class);

        assertThat(world.accounts()).isZero();
        assertThat(world.users.byUsername(new Username("dreamer"))).isEmpty();
        assertThat(world.attempts(Scope.REGISTRATION_ADDRESS, IP, world.clock.now(), Duration.ofHours(1))).isEqualTo(1);
    }

    @Test
    void givenTheHourlyRegistrationsOfAnAddressUsedUp_whenRegisteringOnceMore_thenRefusedBeforeAnyHashWithRetryAfter() {
        for (int i = 0; i < REGISTRATIONS_PER_HOUR; i++) {
            world.registered("dreamer" + i);
        }
        long hashesBefore = world.hasher.hashesOf(PASSWORD);

        TooManyAttemptsException refused = catchThrowableOfType(TooManyAttemptsException.class,
                () -> world.registered("onetoomany"));

        assertThat(refused).isNotNull();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofHours(1));
        assertThat(world.hasher.hashesOf(PASSWORD)).as("a refused registration costs no hash").isEqualTo(hashesBefore);
        assertThat(world.users.byUsername(new Username("onetoomany"))).isEmpty();
        assertThat(world.register.register(UserWorld.command("elsewhere", PASSWORD, Optional.empty()), OTHER_IP).user())
                .as("another address may still register").isNotNull();
    }

    @Test
    void givenTheRegistrationsOfAnHourAgo_whenAnHourHasPassed_thenTheAddressMayRegisterAgain() {
        for (int i = 0; i < REGISTRATIONS_PER_HOUR; i++) {
            world.registered("dreamer" + i);
        }
        world.clock.advance(Duration.ofHours(1));

        assertThat(world.registered("nexthour").user()).isNotNull();
    }

    @Test
    void givenATakenUsername_whenRegistering_thenTheAttemptCountsAllTheSame() {
        world.registered("dreamer");
        assertThatThrownBy(() -> world.registered("Dreamer")).isInstanceOf(ConflictException.class);

        assertThat(world.attempts(Scope.REGISTRATION_ADDRESS, IP, world.clock.now(), Duration.ofHours(1))).isEqualTo(2);
    }

    @Test
    void neitherTheCommandNorTheRegistrationShowsPasswordOrTokensInItsText() {
        RegisterUser.Command command = UserWorld.command("dreamer", PASSWORD, Optional.empty());
        Registration registration = world.register.register(command, IP);

        assertThat(command.toString()).contains("dreamer").doesNotContain(PASSWORD);
        assertThat(registration.toString())
                .doesNotContain(PASSWORD)
                .doesNotContain(registration.user().passwordHash())
                .doesNotContain(registration.tokens().accessToken())
                .doesNotContain(registration.tokens().refreshToken());
    }
}
