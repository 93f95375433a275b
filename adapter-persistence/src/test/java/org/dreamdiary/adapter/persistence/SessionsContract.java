package org.dreamdiary.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dreamdiary.persistence.contract.TestUsers.aUser;
import static org.dreamdiary.adapter.persistence.UsersContract.randomTokenHash;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.dreamdiary.application.port.out.user.Sessions;
import org.dreamdiary.application.port.out.user.Sessions.RefreshOutcome;
import org.dreamdiary.application.port.out.user.Users;
import org.dreamdiary.domain.user.SessionId;
import org.dreamdiary.domain.user.UserId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every implementation of the {@link Sessions} port promises. Sessions belong to accounts, so the subclass
 * supplies both from one store; every test opens sessions of a fresh account.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SessionsContract {
    private static final Instant NOW = Instant.parse("2026-11-21T10:30:00Z");
    private static final Instant IN_30_DAYS = NOW.plus(Duration.ofDays(30));

    protected Sessions sessions;
    protected Users users;

    /** The sessions and the accounts they belong to, in one store. */
    protected record Store(Sessions sessions, Users users) {
    }

    protected abstract Store store();

    @BeforeAll
    void openStore() {
        Store store = store();
        sessions = store.sessions();
        users = store.users();
    }

    private UserId anAccount() {
        var account = aUser().build();
        users.add(account);
        return account.id();
    }

    private SessionId aSessionOf(UserId user) {
        SessionId session = new SessionId(UUID.randomUUID());
        sessions.open(session, user, NOW);
        return session;
    }

    // --- sessions ---

    @Test
    void givenAnOpenSession_whenCheckedForItsUser_thenItIsActive() {
        UserId user = anAccount();
        SessionId session = aSessionOf(user);

        assertThat(sessions.isActive(session, user)).isTrue();
    }

    @Test
    void givenAnOpenSession_whenCheckedForAnotherUser_thenItIsNotActive() {
        SessionId session = aSessionOf(anAccount());

        assertThat(sessions.isActive(session, anAccount())).isFalse();
    }

    @Test
    void givenNoSuchSession_whenChecked_thenItIsNotActive() {
        assertThat(sessions.isActive(new SessionId(UUID.randomUUID()), anAccount())).isFalse();
    }

    @Test
    void givenAnOpenSession_whenRevoked_thenItIsNoLongerActive() {
        UserId user = anAccount();
        SessionId session = aSessionOf(user);
        SessionId sibling = aSessionOf(user);

        sessions.revoke(session, NOW.plusSeconds(60));

        assertThat(sessions.isActive(session, user)).isFalse();
        assertThat(sessions.isActive(sibling, user)).isTrue();
    }

    @Test
    void givenSeveralSessions_whenAllButOneAreRevoked_thenOnlyThatOneAndOtherUsersSessionsStayActive() {
        UserId user = anAccount();
        SessionId first = aSessionOf(user);
        SessionId kept = aSessionOf(user);
        SessionId third = aSessionOf(user);
        UserId someoneElse = anAccount();
        SessionId theirs = aSessionOf(someoneElse);

        sessions.revokeAllExcept(user, kept, NOW.plusSeconds(60));

        assertThat(sessions.isActive(kept, user)).isTrue();
        assertThat(sessions.isActive(first, user)).isFalse();
        assertThat(sessions.isActive(third, user)).isFalse();
        assertThat(sessions.isActive(theirs, someoneElse)).isTrue();
    }

    // --- refresh tokens ---

    @Test
    void givenAFreshRefreshToken_whenUsed_thenItRotatesNamingTheSessionAndItsUser() {
        UserId user = anAccount();
        SessionId session = aSessionOf(user);
        byte[] token = randomTokenHash();
        sessions.addRefreshToken(token, session, IN_30_DAYS);

        assertThat(sessions.useRefreshToken(token, NOW.plusSeconds(60))).isEqualTo(new RefreshOutcome.Rotated(session, user));
    }

    @Test
    void givenAUsedRefreshToken_whenUsedAgain_thenItIsReportedAsReusedWithItsSession() {
        SessionId session = aSessionOf(anAccount());
        byte[] token = randomTokenHash();
        sessions.addRefreshToken(token, session, IN_30_DAYS);
        sessions.useRefreshToken(token, NOW.plusSeconds(60));

        assertThat(sessions.useRefreshToken(token, NOW.plusSeconds(120))).isEqualTo(new RefreshOutcome.Reused(session));
        assertThat(sessions.useRefreshToken(token.clone(), NOW.plusSeconds(180))).isEqualTo(new RefreshOutcome.Reused(session));
    }

    @Test
    void givenAnUnknownRefreshToken_whenUsed_thenItIsRefused() {
        assertThat(sessions.useRefreshToken(randomTokenHash(), NOW)).isInstanceOf(RefreshOutcome.Refused.class);
    }

    @Test
    void givenARefreshTokenAtItsExpiry_whenUsed_thenItIsRefused() {
        SessionId session = aSessionOf(anAccount());
        byte[] token = randomTokenHash();
        sessions.addRefreshToken(token, session, IN_30_DAYS);

        assertThat(sessions.useRefreshToken(token, IN_30_DAYS)).isInstanceOf(RefreshOutcome.Refused.class);
        assertThat(sessions.useRefreshToken(token, IN_30_DAYS.plusSeconds(1))).isInstanceOf(RefreshOutcome.Refused.class);
    }

    @Test
    void givenARefreshTokenJustBeforeItsExpiry_whenUsed_thenItRotates() {
        UserId user = anAccount();
        SessionId session = aSessionOf(user);
        byte[] token = randomTokenHash();
        sessions.addRefreshToken(token, session, IN_30_DAYS);

        assertThat(sessions.useRefreshToken(token, IN_30_DAYS.minusMillis(1)))
                .isEqualTo(new RefreshOutcome.Rotated(session, user));
    }

    @Test
    void givenARefreshTokenOfARevokedSession_whenUsed_thenItIsRefused() {
        SessionId session = aSessionOf(anAccount());
        byte[] token = randomTokenHash();
        sessions.addRefreshToken(token, session, IN_30_DAYS);
        sessions.revoke(session, NOW.plusSeconds(30));

        assertThat(sessions.useRefreshToken(token, NOW.plusSeconds(60))).isInstanceOf(RefreshOutcome.Refused.class);
    }

    @Test
    void givenTwoTokensOfOneSession_whenOneIsUsed_thenTheOtherStillRotates() {
        UserId user = anAccount();
        SessionId session = aSessionOf(user);
        byte[] first = randomTokenHash();
        byte[] second = randomTokenHash();
        sessions.addRefreshToken(first, session, IN_30_DAYS);
        sessions.addRefreshToken(second, session, IN_30_DAYS);

        sessions.useRefreshToken(first, NOW.plusSeconds(60));

        assertThat(sessions.useRefreshToken(second, NOW.plusSeconds(61))).isEqualTo(new RefreshOutcome.Rotated(session, user));
    }

    @Test
    void givenTenClientsPresentingOneTokenAtOnce_whenTheyAllUseIt_thenExactlyOneRotatesAndTheRestSeeReuse() throws Exception {
        UserId user = anAccount();
        SessionId session = aSessionOf(user);
        byte[] token = randomTokenHash();
        sessions.addRefreshToken(token, session, IN_30_DAYS);

        int clients = 10;
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        List<RefreshOutcome> outcomes = new ArrayList<>();
        try {
            CountDownLatch ready = new CountDownLatch(clients);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<RefreshOutcome>> attempts = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                attempts.add(threads.submit(() -> {
                    ready.countDown();
                    start.await();
                    return sessions.useRefreshToken(token, NOW.plusSeconds(60));
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            start.countDown();
            for (Future<RefreshOutcome> attempt : attempts) {
                outcomes.add(attempt.get(30, TimeUnit.SECONDS));
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(outcomes).hasSize(clients);
        assertThat(outcomes).containsOnlyOnce(new RefreshOutcome.Rotated(session, user));
        assertThat(outcomes).filteredOn(outcome -> !(outcome instanceof RefreshOutcome.Rotated))
                .hasSize(clients - 1)
                .containsOnly(new RefreshOutcome.Reused(session));
    }
}
