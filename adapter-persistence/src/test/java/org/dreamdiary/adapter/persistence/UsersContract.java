package org.dreamdiary.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dreamdiary.persistence.contract.TestUsers.REGISTERED;
import static org.dreamdiary.persistence.contract.TestUsers.aUser;
import static org.dreamdiary.persistence.contract.TestUsers.unique;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.port.out.user.Sessions;
import org.dreamdiary.application.port.out.user.Sessions.RefreshOutcome;
import org.dreamdiary.application.port.out.user.Users;
import org.dreamdiary.domain.error.ConflictException;
import org.dreamdiary.domain.error.StaleVersionException;
import org.dreamdiary.domain.user.Email;
import org.dreamdiary.domain.user.FullName;
import org.dreamdiary.domain.user.PhoneNumber;
import org.dreamdiary.domain.user.SessionId;
import org.dreamdiary.domain.user.User;
import org.dreamdiary.domain.user.Username;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every implementation of the {@link Users} port promises; a subclass per implementation supplies the store.
 * The tests share one store and stay apart by giving every account a fresh id and name, so nothing needs cleaning
 * up; the few tests that look at every account ask for an empty store of their own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class UsersContract {
    private static final Instant LATER = REGISTERED.plus(Duration.ofHours(1));
    private static final SecureRandom RANDOM = new SecureRandom();

    protected Users users;
    protected Sessions sessions;

    /** Accounts and the sessions that belong to them, in one store. */
    protected record Store(Users users, Sessions sessions) {
    }

    /** The store the tests share; every test adds accounts of its own to it. */
    protected abstract Store store();

    /** A new store with no accounts in it, for the tests that look at every account. */
    protected abstract Store emptyStore();

    @BeforeAll
    void openStore() {
        Store store = store();
        users = store.users();
        sessions = store.sessions();
    }

    // --- adding and reading ---

    @Test
    void givenAnAddedAccount_whenReadById_thenEveryFieldComesBackAsWritten() {
        User alice = aUser().named(unique("Alice_")).withFullName("Alice Liddell").withEmail(unique("alice") + "@Example.org")
                .withPhoneNumber("+4915112345678").build();
        users.add(alice);

        assertThat(users.byId(alice.id())).contains(alice);
    }

    @Test
    void givenAnAccountWithoutOptionalParts_whenReadById_thenTheyAreAbsent() {
        User bare = aUser().build();
        users.add(bare);

        User stored = users.byId(bare.id()).orElseThrow();
        assertThat(stored.fullName()).isNull();
        assertThat(stored.email()).isNull();
        assertThat(stored.phoneNumber()).isNull();
        assertThat(stored.avatarAttachmentId()).isNull();
        assertThat(stored.version()).isEqualTo(1);
    }

    @Test
    void givenAnAccount_whenLookedUpByItsUsernameInAnotherCase_thenItIsFoundAsWritten() {
        String name = unique("MiXeD.");
        User account = aUser().named(name).build();
        users.add(account);

        assertThat(users.byUsername(new Username(name.toUpperCase(Locale.ROOT)))).contains(account);
        assertThat(users.byUsername(new Username(name.toLowerCase(Locale.ROOT))))
                .map(User::username).contains(new Username(name));
    }

    @Test
    void givenNoSuchAccount_whenLookedUp_thenNothingIsFound() {
        assertThat(users.byId(aUser().build().id())).isEmpty();
        assertThat(users.byUsername(new Username(unique("nobody")))).isEmpty();
    }

    // --- uniqueness ---

    @Test
    void givenATakenUsername_whenAnotherAccountTakesItInAnotherCase_thenTheUsernameIsTaken() {
        String name = unique("taken");
        User first = aUser().named(name).build();
        users.add(first);

        User second = aUser().named(name.toUpperCase(Locale.ROOT)).build();
        assertThatThrownBy(() -> users.add(second))
                .isInstanceOf(ConflictException.class).hasMessage("the username is taken");
        assertThat(users.byId(second.id())).isEmpty();
        assertThat(users.byUsername(new Username(name))).contains(first);
    }

    @Test
    void givenATakenEmail_whenAnotherAccountRegistersItInAnotherCase_thenTheEmailIsTaken() {
        String local = unique("mail");
        users.add(aUser().withEmail(local + "@example.org").build());

        User second = aUser().withEmail(local.toUpperCase(Locale.ROOT) + "@EXAMPLE.org").build();
        assertThatThrownBy(() -> users.add(second))
                .isInstanceOf(ConflictException.class).hasMessage("the e-mail address is taken");
        assertThat(users.byId(second.id())).isEmpty();
    }

    @Test
    void givenTwoRegistrationsOfOneNameAtOnce_whenBothRun_thenExactlyOneSucceedsAndTheOtherIsTaken() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                String name = unique("race");
                User lower = aUser().named(name).build();
                User upper = aUser().named(name.toUpperCase(Locale.ROOT)).build();
                CountDownLatch start = new CountDownLatch(1);
                Future<Optional<Throwable>> first = threads.submit(outcomeOf(start, () -> users.add(lower)));
                Future<Optional<Throwable>> second = threads.submit(outcomeOf(start, () -> users.add(upper)));
                start.countDown();

                List<Optional<Throwable>> outcomes = List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS));
                assertThat(outcomes).filteredOn(Optional::isEmpty).hasSize(1);
                Throwable loss = outcomes.stream().flatMap(Optional::stream).findFirst().orElseThrow();
                assertThat(loss).isInstanceOf(ConflictException.class).hasMessage("the username is taken");
                User winner = outcomes.get(0).isEmpty() ? lower : upper;
                assertThat(users.byUsername(new Username(name))).contains(winner);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static Callable<Optional<Throwable>> outcomeOf(CountDownLatch start, Runnable registration) {
        return () -> {
            start.await();
            try {
                registration.run();
                return Optional.empty();
            } catch (RuntimeException e) {
                return Optional.of(e);
            }
        };
    }

    // --- updating ---

    @Test
    void givenTheCurrentVersion_whenTheProfileIsUpdated_thenEveryProfileFieldIsStored() {
        User account = aUser().build();
        users.add(account);
        UUID avatar = UUID.randomUUID();

        User changed = account.withProfile(new FullName("Dorothy Gale"), new Email(unique("dorothy") + "@kansas.example"),
                new PhoneNumber("+15551234567"), avatar, LATER);
        users.update(changed);

        User stored = users.byId(account.id()).orElseThrow();
        assertThat(stored).isEqualTo(changed);
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.updatedAt()).isEqualTo(LATER);
        assertThat(stored.createdAt()).isEqualTo(REGISTERED);
    }

    @Test
    void givenAFullProfile_whenEveryOptionalFieldIsClearedToNull_thenTheyAreStoredAsAbsent() {
        User full = aUser().withFullName("Full Name").withEmail(unique("full") + "@example.org")
                .withPhoneNumber("+441234567890").build();
        users.add(full);
        User withAvatar = full.withProfile(full.fullName(), full.email(), full.phoneNumber(), UUID.randomUUID(), LATER);
        users.update(withAvatar);

        User cleared = withAvatar.withProfile(null, null, null, null, LATER.plusSeconds(1));
        users.update(cleared);

        User stored = users.byId(full.id()).orElseThrow();
        assertThat(stored).isEqualTo(cleared);
        assertThat(stored.fullName()).isNull();
        assertThat(stored.email()).isNull();
        assertThat(stored.phoneNumber()).isNull();
        assertThat(stored.avatarAttachmentId()).isNull();
        assertThat(stored.version()).isEqualTo(3);
    }

    @Test
    void givenANewPasswordHash_whenUpdated_thenTheHashIsStored() {
        User account = aUser().build();
        users.add(account);

        users.update(account.withPasswordHash("$2b$12$another-hash", LATER));

        assertThat(users.byId(account.id()).orElseThrow().passwordHash()).isEqualTo("$2b$12$another-hash");
    }

    @Test
    void givenAChangeBasedOnAStaleVersion_whenUpdated_thenItIsRefusedAndNothingChanges() {
        User account = aUser().withFullName("Original").build();
        users.add(account);
        User firstWriter = account.withProfile(new FullName("First writer"), null, null, null, LATER);
        users.update(firstWriter);

        User secondWriter = account.withProfile(new FullName("Second writer"), null, new PhoneNumber("+15550000000"), null,
                LATER.plusSeconds(1));
        assertThatThrownBy(() -> users.update(secondWriter)).isInstanceOf(StaleVersionException.class);

        assertThat(users.byId(account.id())).contains(firstWriter);
    }

    @Test
    void givenAnAccountThatDoesNotExist_whenUpdated_thenItIsRefusedAsStale() {
        User neverAdded = aUser().build();

        assertThatThrownBy(() -> users.update(neverAdded.withProfile(null, null, null, null, LATER)))
                .isInstanceOf(StaleVersionException.class);
        assertThat(users.byId(neverAdded.id())).isEmpty();
    }

    @Test
    void givenAnEmailTakenByAnotherAccount_whenUpdatedToItInAnotherCase_thenTheEmailIsTakenAndNothingChanges() {
        String taken = unique("owner") + "@example.org";
        users.add(aUser().withEmail(taken).build());
        User account = aUser().build();
        users.add(account);

        User changed = account.withProfile(null, new Email(taken.toUpperCase(Locale.ROOT)), null, null, LATER);
        assertThatThrownBy(() -> users.update(changed))
                .isInstanceOf(ConflictException.class).hasMessage("the e-mail address is taken");
        assertThat(users.byId(account.id())).contains(account);
    }

    // --- deleting ---

    @Test
    void givenAnAccountWithASession_whenDeleted_thenTheAccountAndItsSessionAndRefreshTokenAreGone() {
        User account = aUser().build();
        users.add(account);
        SessionId session = new SessionId(UUID.randomUUID());
        sessions.open(session, account.id(), REGISTERED);
        byte[] token = randomTokenHash();
        sessions.addRefreshToken(token, session, LATER);

        users.delete(account.id(), OptionalLong.empty());

        assertThat(users.byId(account.id())).isEmpty();
        assertThat(users.byUsername(account.username())).isEmpty();
        assertThat(sessions.isActive(session, account.id())).isFalse();
        assertThat(sessions.useRefreshToken(token, REGISTERED)).isInstanceOf(RefreshOutcome.Refused.class);
    }

    @Test
    void givenADeletedAccount_whenSomeoneRegistersItsUsernameAndEmail_thenTheyAreFree() {
        User gone = aUser().withEmail(unique("gone") + "@example.org").build();
        users.add(gone);
        users.delete(gone.id(), OptionalLong.empty());

        User successor = aUser().named(gone.username().value()).withEmail(gone.email().value()).build();
        users.add(successor);

        assertThat(users.byUsername(gone.username())).contains(successor);
    }

    // --- searching ---

    @Test
    void givenAQuery_whenSearching_thenItMatchesUsernamesContainingItIgnoringCase() {
        String token = unique("q");
        User match = aUser().named("x" + token.toUpperCase(Locale.ROOT) + "y").build();
        User other = aUser().build();
        users.add(match);
        users.add(other);

        assertThat(search(token.toLowerCase(Locale.ROOT)).items()).containsExactly(match);
        assertThat(search(token.toUpperCase(Locale.ROOT)).items()).containsExactly(match);
    }

    @Test
    void givenAQuery_whenSearching_thenItMatchesFullNamesContainingItIgnoringCase() {
        String token = unique("n");
        User match = aUser().withFullName("Dorothy " + token.toUpperCase(Locale.ROOT) + " Gale").build();
        User other = aUser().withFullName("Dorothy Gale").build();
        users.add(match);
        users.add(other);

        assertThat(search(token + " gALE").items()).containsExactly(match);
    }

    @Test
    void givenAFullNameInCyrillic_whenSearchingInAnotherCase_thenItMatches() {
        String token = unique("c");
        User ivan = aUser().withFullName("Иван Петрович " + token).build();
        users.add(ivan);

        assertThat(search("иван петрович " + token).items()).containsExactly(ivan);
        assertThat(search("ПЕТРОВИЧ " + token.toUpperCase(Locale.ROOT)).items()).containsExactly(ivan);
    }

    @Test
    void givenAQueryWithPercentAndUnderscore_whenSearching_thenTheyAreMatchedLiterallyNotAsWildcards() {
        String token = unique("w");
        User percent = aUser().named(token + "_a").withFullName(token + " 100% sure").build();
        User nearPercent = aUser().named(token + "xa").withFullName(token + " 100 percent sure").build();
        users.add(percent);
        users.add(nearPercent);

        assertThat(search(token + " 100% s").items()).containsExactly(percent);
        assertThat(search(token + "_a").items()).containsExactly(percent);
        assertThat(search(token + "%").items()).isEmpty();
    }

    @Test
    void givenAQueryWithABackslash_whenSearching_thenItIsMatchedLiterally() {
        String token = unique("b");
        User backslash = aUser().withFullName(token + " back\\slash").build();
        User plain = aUser().withFullName(token + " backslash").build();
        users.add(backslash);
        users.add(plain);

        // Were the backslash taken as LIKE's escape character, "back\s" would mean "backs" and match both.
        assertThat(search(token + " back\\s").items()).containsExactly(backslash);
        assertThat(search(token + " back").items()).containsExactlyInAnyOrder(backslash, plain);
    }

    @Test
    void givenAQuerySpanningTheUsernameAndTheFullName_whenSearching_thenNothingMatches() {
        // The username is "<token>" and the full name "Smith": neither contains "<token> smith".
        String token = unique("s");
        users.add(aUser().named(token).withFullName("Smith").build());

        assertThat(search(token + " smith").items()).isEmpty();
        assertThat(search(token).totalItems()).isEqualTo(1);
    }

    @Test
    void givenMatchesInMixedCase_whenSearching_thenTheyComeOrderedByUsernameIgnoringCase() {
        String token = unique("o");
        User zed = aUser().named(token + "-Zed").build();
        User alpha = aUser().named(token + "-alpha").build();
        User beta = aUser().named(token + "-Beta").build();
        User digits = aUser().named(token + "-007").build();
        users.add(zed);
        users.add(alpha);
        users.add(beta);
        users.add(digits);

        assertThat(search(token).items()).containsExactly(digits, alpha, beta, zed);
    }

    @Test
    void givenFiveMatches_whenPagedTwoAtATime_thenThePagesSliceThemInOrderAndCountThemAll() {
        String token = unique("p");
        List<User> matches = new ArrayList<>();
        for (int i = 5; i >= 1; i--) {
            User user = aUser().named(token + "-" + i).build();
            users.add(user);
            matches.add(0, user);
        }

        Page<User> first = users.search(Optional.of(token), new PageRequest(1, 2));
        Page<User> third = users.search(Optional.of(token), new PageRequest(3, 2));
        Page<User> pastTheEnd = users.search(Optional.of(token), new PageRequest(4, 2));

        assertThat(first.items()).containsExactly(matches.get(0), matches.get(1));
        assertThat(first.totalItems()).isEqualTo(5);
        assertThat(first.totalPages()).isEqualTo(3);
        assertThat(users.search(Optional.of(token), new PageRequest(2, 2)).items())
                .containsExactly(matches.get(2), matches.get(3));
        assertThat(third.items()).containsExactly(matches.get(4));
        assertThat(third.totalItems()).isEqualTo(5);
        assertThat(pastTheEnd.items()).isEmpty();
        assertThat(pastTheEnd.totalItems()).isEqualTo(5);
    }

    @Test
    void givenNoQuery_whenSearching_thenEveryAccountIsListedAndCounted() {
        Users store = emptyStore().users();
        User bob = aUser().named("bob").build();
        User alice = aUser().named("Alice").build();
        User carol = aUser().named("carol").build();
        store.add(bob);
        store.add(alice);
        store.add(carol);

        Page<User> page = store.search(Optional.empty(), new PageRequest(1, 2));

        assertThat(page.items()).containsExactly(alice, bob);
        assertThat(page.totalItems()).isEqualTo(3);
        assertThat(page.totalPages()).isEqualTo(2);
    }

    @Test
    void givenNoAccounts_whenSearching_thenThePageIsEmptyWithNoPages() {
        Page<User> page = emptyStore().users().search(Optional.empty(), PageRequest.first());

        assertThat(page.items()).isEmpty();
        assertThat(page.totalItems()).isZero();
        assertThat(page.totalPages()).isZero();
    }

    private Page<User> search(String query) {
        return users.search(Optional.of(query), new PageRequest(1, PageRequest.MAX_PER_PAGE));
    }

    static byte[] randomTokenHash() {
        byte[] hash = new byte[32];
        RANDOM.nextBytes(hash);
        return hash;
    }
}
