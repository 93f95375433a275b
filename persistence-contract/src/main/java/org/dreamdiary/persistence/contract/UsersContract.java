package org.dreamdiary.persistence.contract;

import static org.dreamdiary.persistence.contract.TestUsers.REGISTERED;
import static org.dreamdiary.persistence.contract.TestUsers.aUser;
import static org.dreamdiary.persistence.contract.TestUsers.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.port.out.Storage;
import org.dreamdiary.application.port.out.user.Users;
import org.dreamdiary.domain.error.ConflictException;
import org.dreamdiary.domain.error.StaleVersionException;
import org.dreamdiary.domain.user.Email;
import org.dreamdiary.domain.user.FullName;
import org.dreamdiary.domain.user.PhoneNumber;
import org.dreamdiary.domain.user.User;
import org.dreamdiary.domain.user.UserId;
import org.dreamdiary.domain.user.Username;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every implementation of the {@link Users} port promises. Every test adds accounts of its own, with fresh
 * ids and names; the few that look at every account make an empty store of their own. What an account's deletion
 * takes with it is tested with the ports of what it owns.
 */
public abstract class UsersContract extends StorageContract {
    private static final Instant LATER = REGISTERED.plus(Duration.ofHours(1));

    private Users users;

    @BeforeEach
    final void takeUsers() {
        users = storage.users();
    }

    // --- adding and reading ---

    @Test
    void givenAnAddedAccount_whenReadById_thenEveryFieldComesBackAsWritten() {
        User alice = aUser().named(unique("Alice_")).withFullName("Alice Liddell").withEmail(unique("alice") + "@Example.org")
                .withPhoneNumber("+4915112345678").build();
        users.add(alice);

        assertEquals(Optional.of(alice), users.byId(alice.id()));
    }

    @Test
    void givenAnAccountWithoutOptionalParts_whenReadById_thenTheyAreAbsent() {
        User bare = aUser().build();
        users.add(bare);

        User stored = users.byId(bare.id()).orElseThrow();
        assertNull(stored.fullName());
        assertNull(stored.email());
        assertNull(stored.phoneNumber());
        assertNull(stored.avatarAttachmentId());
        assertEquals(1, stored.version());
    }

    @Test
    void givenAnAccount_whenLookedUpByItsUsernameInAnotherCase_thenItIsFoundAsWritten() {
        String name = unique("MiXeD.");
        User account = aUser().named(name).build();
        users.add(account);

        assertEquals(Optional.of(account), users.byUsername(new Username(name.toUpperCase(Locale.ROOT))));
        assertEquals(Optional.of(new Username(name)),
                users.byUsername(new Username(name.toLowerCase(Locale.ROOT))).map(User::username));
    }

    @Test
    void givenNoSuchAccount_whenLookedUp_thenNothingIsFound() {
        assertEquals(Optional.empty(), users.byId(aUser().build().id()));
        assertEquals(Optional.empty(), users.byUsername(new Username(unique("nobody"))));
    }

    @Test
    void givenSomeIdsOfAccountsAndSomeNot_whenAskedWhichExist_thenExactlyTheAccountsAreNamed() {
        User first = aUser().build();
        User second = aUser().build();
        users.add(first);
        users.add(second);
        UserId nobody = aUser().build().id();

        assertEquals(Set.of(first.id(), second.id()), users.existing(List.of(first.id(), nobody, second.id())));
        assertEquals(Set.of(), users.existing(List.of(nobody)));
        assertEquals(Set.of(), users.existing(List.of()));
    }

    // --- uniqueness ---

    @Test
    void givenATakenUsername_whenAnotherAccountTakesItInAnotherCase_thenTheUsernameIsTaken() {
        String name = unique("taken");
        User first = aUser().named(name).build();
        users.add(first);

        User second = aUser().named(name.toUpperCase(Locale.ROOT)).build();
        ConflictException taken = assertThrows(ConflictException.class, () -> users.add(second));
        assertEquals("the username is taken", taken.getMessage());
        assertEquals(Optional.empty(), users.byId(second.id()));
        assertEquals(Optional.of(first), users.byUsername(new Username(name)));
    }

    @Test
    void givenATakenEmail_whenAnotherAccountRegistersItInAnotherCase_thenTheEmailIsTaken() {
        String local = unique("mail");
        users.add(aUser().withEmail(local + "@example.org").build());

        User second = aUser().withEmail(local.toUpperCase(Locale.ROOT) + "@EXAMPLE.org").build();
        ConflictException taken = assertThrows(ConflictException.class, () -> users.add(second));
        assertEquals("the e-mail address is taken", taken.getMessage());
        assertEquals(Optional.empty(), users.byId(second.id()));
    }

    @Test
    void givenTwoRegistrationsOfOneNameAtOnce_whenBothRun_thenExactlyOneSucceedsAndTheOtherIsTaken() {
        for (int round = 0; round < 10; round++) {
            String name = unique("race");
            List<User> rivals = List.of(aUser().named(name).build(), aUser().named(name.toUpperCase(Locale.ROOT)).build());

            List<Optional<RuntimeException>> outcomes = AllAtOnce.call(2, i -> {
                try {
                    users.add(rivals.get(i));
                    return Optional.empty();
                } catch (RuntimeException e) {
                    return Optional.of(e);
                }
            });

            assertEquals(1, outcomes.stream().filter(Optional::isEmpty).count(), "exactly one registration wins");
            RuntimeException loss = outcomes.stream().flatMap(Optional::stream).findFirst().orElseThrow();
            assertInstanceOf(ConflictException.class, loss);
            assertEquals("the username is taken", loss.getMessage());
            User winner = outcomes.get(0).isEmpty() ? rivals.get(0) : rivals.get(1);
            assertEquals(Optional.of(winner), users.byUsername(new Username(name)));
        }
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
        assertEquals(changed, stored);
        assertEquals(2, stored.version());
        assertEquals(LATER, stored.updatedAt());
        assertEquals(REGISTERED, stored.createdAt());
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
        assertEquals(cleared, stored);
        assertNull(stored.fullName());
        assertNull(stored.email());
        assertNull(stored.phoneNumber());
        assertNull(stored.avatarAttachmentId());
        assertEquals(3, stored.version());
    }

    @Test
    void givenANewPasswordHash_whenUpdated_thenTheHashIsStored() {
        User account = aUser().build();
        users.add(account);

        users.update(account.withPasswordHash("$2b$12$another-hash", LATER));

        assertEquals("$2b$12$another-hash", users.byId(account.id()).orElseThrow().passwordHash());
    }

    @Test
    void givenAChangeBasedOnAStaleVersion_whenUpdated_thenItIsRefusedAndNothingChanges() {
        User account = aUser().withFullName("Original").build();
        users.add(account);
        User firstWriter = account.withProfile(new FullName("First writer"), null, null, null, LATER);
        users.update(firstWriter);

        User secondWriter = account.withProfile(new FullName("Second writer"), null, new PhoneNumber("+15550000000"), null,
                LATER.plusSeconds(1));
        assertThrows(StaleVersionException.class, () -> users.update(secondWriter));

        assertEquals(Optional.of(firstWriter), users.byId(account.id()));
    }

    @Test
    void givenAnAccountThatDoesNotExist_whenUpdated_thenItIsRefusedAsStale() {
        User neverAdded = aUser().build();

        assertThrows(StaleVersionException.class, () -> users.update(neverAdded.withProfile(null, null, null, null, LATER)));
        assertEquals(Optional.empty(), users.byId(neverAdded.id()));
    }

    @Test
    void givenAnEmailTakenByAnotherAccount_whenUpdatedToItInAnotherCase_thenTheEmailIsTakenAndNothingChanges() {
        String taken = unique("owner") + "@example.org";
        users.add(aUser().withEmail(taken).build());
        User account = aUser().build();
        users.add(account);

        User changed = account.withProfile(null, new Email(taken.toUpperCase(Locale.ROOT)), null, null, LATER);
        ConflictException conflict = assertThrows(ConflictException.class, () -> users.update(changed));
        assertEquals("the e-mail address is taken", conflict.getMessage());
        assertEquals(Optional.of(account), users.byId(account.id()));
    }

    // --- deleting ---

    @Test
    void givenAnAccount_whenDeletedAtAnyVersion_thenItIsGoneByIdAndByUsername() {
        User account = aUser().build();
        users.add(account);

        assertTrue(users.delete(account.id(), OptionalLong.empty()));

        assertEquals(Optional.empty(), users.byId(account.id()));
        assertEquals(Optional.empty(), users.byUsername(account.username()));
        assertEquals(Set.of(), users.existing(List.of(account.id())));
    }

    @Test
    void givenAnAccountChangedSinceVersionOne_whenDeletedAtVersionOne_thenItStaysAndAtItsVersionItGoes() {
        User account = aUser().build();
        users.add(account);
        User renamed = account.withProfile(new FullName("Ann"), null, null, null, LATER);
        users.update(renamed);

        assertFalse(users.delete(account.id(), OptionalLong.of(1)));
        assertEquals(Optional.of(renamed), users.byId(account.id()));

        assertTrue(users.delete(account.id(), OptionalLong.of(2)));
        assertEquals(Optional.empty(), users.byId(account.id()));
    }

    @Test
    void givenNoSuchAccount_whenDeleted_thenNothingIsDeleted() {
        UserId nobody = aUser().build().id();

        assertFalse(users.delete(nobody, OptionalLong.empty()));
        assertFalse(users.delete(nobody, OptionalLong.of(1)));
    }

    @Test
    void givenADeletedAccount_whenSomeoneRegistersItsUsernameAndEmail_thenTheyAreFree() {
        User gone = aUser().withEmail(unique("gone") + "@example.org").build();
        users.add(gone);
        users.delete(gone.id(), OptionalLong.empty());

        User successor = aUser().named(gone.username().value()).withEmail(gone.email().value()).build();
        users.add(successor);

        assertEquals(Optional.of(successor), users.byUsername(gone.username()));
    }

    // --- transactions ---

    @Test
    void givenAnAccountAddedInATransactionThatFails_whenLookedUp_thenItIsNotThereAndItsNameIsFree() {
        User account = aUser().build();

        assertThrows(IllegalStateException.class, () -> storage.transactions().inTransaction(() -> {
            users.add(account);
            throw new IllegalStateException("the next write failed");
        }));

        assertEquals(Optional.empty(), users.byId(account.id()));
        assertEquals(Optional.empty(), users.byUsername(account.username()));
        users.add(aUser().named(account.username().value()).build());
    }

    // --- searching ---

    @Test
    void givenAQuery_whenSearching_thenItMatchesUsernamesContainingItIgnoringCase() {
        String token = unique("q");
        User match = aUser().named("x" + token.toUpperCase(Locale.ROOT) + "y").build();
        User other = aUser().build();
        users.add(match);
        users.add(other);

        assertEquals(List.of(match), search(token.toLowerCase(Locale.ROOT)).items());
        assertEquals(List.of(match), search(token.toUpperCase(Locale.ROOT)).items());
    }

    @Test
    void givenAQuery_whenSearching_thenItMatchesFullNamesContainingItIgnoringCase() {
        String token = unique("n");
        User match = aUser().withFullName("Dorothy " + token.toUpperCase(Locale.ROOT) + " Gale").build();
        User other = aUser().withFullName("Dorothy Gale").build();
        users.add(match);
        users.add(other);

        assertEquals(List.of(match), search(token + " gALE").items());
    }

    @Test
    void givenAFullNameInCyrillic_whenSearchingInAnotherCase_thenItMatches() {
        String token = unique("c");
        User ivan = aUser().withFullName("Иван Петрович " + token).build();
        users.add(ivan);

        assertEquals(List.of(ivan), search("иван петрович " + token).items());
        assertEquals(List.of(ivan), search("ПЕТРОВИЧ " + token.toUpperCase(Locale.ROOT)).items());
    }

    @Test
    void givenAQueryWithPercentAndUnderscore_whenSearching_thenTheyAreMatchedLiterallyNotAsWildcards() {
        String token = unique("w");
        User percent = aUser().named(token + "_a").withFullName(token + " 100% sure").build();
        User nearPercent = aUser().named(token + "xa").withFullName(token + " 100 percent sure").build();
        users.add(percent);
        users.add(nearPercent);

        assertEquals(List.of(percent), search(token + " 100% s").items());
        assertEquals(List.of(percent), search(token + "_a").items());
        assertEquals(List.of(), search(token + "%").items());
    }

    @Test
    void givenAQueryWithABackslash_whenSearching_thenItIsMatchedLiterally() {
        String token = unique("b");
        User backslash = aUser().withFullName(token + " back\\slash").build();
        User plain = aUser().withFullName(token + " backslash").build();
        users.add(backslash);
        users.add(plain);

        // Were the backslash an escape character, "back\s" would mean "backs" and match both.
        assertEquals(List.of(backslash), search(token + " back\\s").items());
        assertEquals(Set.of(backslash, plain), Set.copyOf(search(token + " back").items()));
    }

    @Test
    void givenAQuerySpanningTheUsernameAndTheFullName_whenSearching_thenNothingMatches() {
        // The username is "<token>" and the full name "Smith": neither contains "<token> smith".
        String token = unique("s");
        users.add(aUser().named(token).withFullName("Smith").build());

        assertEquals(List.of(), search(token + " smith").items());
        assertEquals(1, search(token).totalItems());
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

        assertEquals(List.of(digits, alpha, beta, zed), search(token).items());
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
        Page<User> second = users.search(Optional.of(token), new PageRequest(2, 2));
        Page<User> third = users.search(Optional.of(token), new PageRequest(3, 2));
        Page<User> pastTheEnd = users.search(Optional.of(token), new PageRequest(4, 2));

        assertEquals(matches.subList(0, 2), first.items());
        assertEquals(5, first.totalItems());
        assertEquals(3, first.totalPages());
        assertEquals(matches.subList(2, 4), second.items());
        assertEquals(matches.subList(4, 5), third.items());
        assertEquals(5, third.totalItems());
        assertEquals(List.of(), pastTheEnd.items());
        assertEquals(5, pastTheEnd.totalItems());
    }

    @Test
    void givenNoQuery_whenSearching_thenEveryAccountIsListedAndCounted() {
        try (Storage empty = newStorage()) {
            Users store = empty.users();
            User bob = aUser().named("bob").build();
            User alice = aUser().named("Alice").build();
            User carol = aUser().named("carol").build();
            store.add(bob);
            store.add(alice);
            store.add(carol);

            Page<User> page = store.search(Optional.empty(), new PageRequest(1, 2));

            assertEquals(List.of(alice, bob), page.items());
            assertEquals(3, page.totalItems());
            assertEquals(2, page.totalPages());
        }
    }

    @Test
    void givenNoAccounts_whenSearching_thenThePageIsEmptyWithNoPages() {
        try (Storage empty = newStorage()) {
            Page<User> page = empty.users().search(Optional.empty(), PageRequest.first());

            assertEquals(List.of(), page.items());
            assertEquals(0, page.totalItems());
            assertEquals(0, page.totalPages());
        }
    }

    private Page<User> search(String query) {
        return users.search(Optional.of(query), new PageRequest(1, PageRequest.MAX_PER_PAGE));
    }
}
