package org.dreamdiary.persistence.contract;

import static org.dreamdiary.persistence.contract.TestUsers.aUser;
import static org.dreamdiary.persistence.contract.TestUsers.anAccountIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import org.dreamdiary.application.port.out.Storage;
import org.dreamdiary.application.port.out.user.Sessions;
import org.dreamdiary.application.port.out.user.Sessions.RefreshOutcome;
import org.dreamdiary.domain.user.SessionId;
import org.dreamdiary.domain.user.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every implementation of the {@link Sessions} port promises. Every test opens sessions of fresh accounts;
 * the purges, which count what they delete across the whole store, run on an empty store of their own.
 */
public abstract class SessionsContract extends StorageContract {
    private static final Instant NOW = Instant.parse("2026-11-21T10:30:00Z");
    private static final Instant IN_30_DAYS = NOW.plus(Duration.ofDays(30));
    /** After every refresh token the tests make has expired: a purge up to it counts every token left. */
    private static final Instant FAR_FUTURE = NOW.plus(Duration.ofDays(3650));
    private static final SecureRandom RANDOM = new SecureRandom();

    private Sessions sessions;

    @BeforeEach
    final void takeSessions() {
        sessions = storage.sessions();
    }

    private UserId anAccount() {
        return anAccountIn(storage.users());
    }

    private static SessionId aSessionOf(Storage store, UserId user) {
        SessionId session = new SessionId(UUID.randomUUID());
        store.sessions().open(session, user, NOW.minus(Duration.ofDays(40)));
        return session;
    }

    private SessionId aSessionOf(UserId user) {
        return aSessionOf(storage, user);
    }

    private static byte[] aTokenHash() {
        byte[] hash = new byte[32];
        RANDOM.nextBytes(hash);
        return hash;
    }

    /** A new token of the session, expiring at {@code expiresAt}; its hash. */
    private static byte[] aTokenOf(Sessions in, SessionId session, Instant expiresAt) {
        byte[] token = aTokenHash();
        in.addRefreshToken(token, session, expiresAt);
        return token;
    }

    // --- sessions ---

    @Test
    void givenAnOpenSession_whenCheckedForItsUser_thenItIsActive() {
        UserId user = anAccount();
        SessionId session = aSessionOf(user);

        assertTrue(sessions.isActive(session, user));
    }

    @Test
    void givenAnOpenSession_whenCheckedForAnotherUser_thenItIsNotActive() {
        SessionId session = aSessionOf(anAccount());

        assertFalse(sessions.isActive(session, anAccount()));
    }

    @Test
    void givenNoSuchSession_whenChecked_thenItIsNotActive() {
        assertFalse(sessions.isActive(new SessionId(UUID.randomUUID()), anAccount()));
    }

    @Test
    void givenAnOpenSession_whenRevoked_thenItIsNoLongerActive() {
        UserId user = anAccount();
        SessionId session = aSessionOf(user);
        SessionId sibling = aSessionOf(user);

        sessions.revoke(session, NOW.plusSeconds(60));

        assertFalse(sessions.isActive(session, user));
        assertTrue(sessions.isActive(sibling, user));
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

        assertTrue(sessions.isActive(kept, user));
        assertFalse(sessions.isActive(first, user));
        assertFalse(sessions.isActive(third, user));
        assertTrue(sessions.isActive(theirs, someoneElse));
    }

    @Test
    void givenAnAccountThatDoesNotExist_whenASessionIsOpenedForIt_thenItIsRefused() {
        UserId nobody = aUser().build().id();
        SessionId session = new SessionId(UUID.randomUUID());

        assertThrows(RuntimeException.class, () -> sessions.open(session, nobody, NOW));

        assertFalse(sessions.isActive(session, nobody));
    }

    // --- refresh tokens ---

    @Test
    void givenAFreshRefreshToken_whenUsed_thenItRotatesNamingTheSessionAndItsUser() {
        UserId user = anAccount();
        SessionId session = aSessionOf(user);
        byte[] token = aTokenOf(sessions, session, IN_30_DAYS);

        assertEquals(new RefreshOutcome.Rotated(session, user), sessions.useRefreshToken(token, NOW.plusSeconds(60)));
    }

    @Test
    void givenAUsedRefreshToken_whenUsedAgain_thenItIsReportedAsReusedWithItsSession() {
        SessionId session = aSessionOf(anAccount());
        byte[] token = aTokenOf(sessions, session, IN_30_DAYS);
        sessions.useRefreshToken(token, NOW.plusSeconds(60));

        assertEquals(new RefreshOutcome.Reused(session), sessions.useRefreshToken(token, NOW.plusSeconds(120)));
        assertEquals(new RefreshOutcome.Reused(session), sessions.useRefreshToken(token.clone(), NOW.plusSeconds(180)));
    }

    @Test
    void givenAUsedRefreshTokenOfASessionRevokedSince_whenUsedAgain_thenItIsStillReportedAsReused() {
        SessionId session = aSessionOf(anAccount());
        byte[] token = aTokenOf(sessions, session, IN_30_DAYS);
        sessions.useRefreshToken(token, NOW.plusSeconds(60));
        sessions.revoke(session, NOW.plusSeconds(90));

        assertEquals(new RefreshOutcome.Reused(session), sessions.useRefreshToken(token, NOW.plusSeconds(120)));
    }

    @Test
    void givenAnUnknownRefreshToken_whenUsed_thenItIsRefused() {
        assertInstanceOf(RefreshOutcome.Refused.class, sessions.useRefreshToken(aTokenHash(), NOW));
    }

    @Test
    void givenARefreshTokenAtItsExpiry_whenUsed_thenItIsRefused() {
        SessionId session = aSessionOf(anAccount());
        byte[] token = aTokenOf(sessions, session, IN_30_DAYS);

        assertInstanceOf(RefreshOutcome.Refused.class, sessions.useRefreshToken(token, IN_30_DAYS));
        assertInstanceOf(RefreshOutcome.Refused.class, sessions.useRefreshToken(token, IN_30_DAYS.plusSeconds(1)));
    }

    @Test
    void givenARefreshTokenJustBeforeItsExpiry_whenUsed_thenItRotates() {
        UserId user = anAccount();
        SessionId session = aSessionOf(user);
        byte[] token = aTokenOf(sessions, session, IN_30_DAYS);

        assertEquals(new RefreshOutcome.Rotated(session, user), sessions.useRefreshToken(token, IN_30_DAYS.minusMillis(1)));
    }

    @Test
    void givenARefreshTokenOfARevokedSession_whenUsed_thenItIsRefused() {
        SessionId session = aSessionOf(anAccount());
        byte[] token = aTokenOf(sessions, session, IN_30_DAYS);
        sessions.revoke(session, NOW.plusSeconds(30));

        assertInstanceOf(RefreshOutcome.Refused.class, sessions.useRefreshToken(token, NOW.plusSeconds(60)));
    }

    @Test
    void givenTwoTokensOfOneSession_whenOneIsUsed_thenTheOtherStillRotates() {
        UserId user = anAccount();
        SessionId session = aSessionOf(user);
        byte[] first = aTokenOf(sessions, session, IN_30_DAYS);
        byte[] second = aTokenOf(sessions, session, IN_30_DAYS);

        sessions.useRefreshToken(first, NOW.plusSeconds(60));

        assertEquals(new RefreshOutcome.Rotated(session, user), sessions.useRefreshToken(second, NOW.plusSeconds(61)));
    }

    @Test
    void givenASessionThatDoesNotExist_whenATokenIsAddedToIt_thenItIsRefused() {
        byte[] token = aTokenHash();

        assertThrows(RuntimeException.class,
                () -> sessions.addRefreshToken(token, new SessionId(UUID.randomUUID()), IN_30_DAYS));

        assertInstanceOf(RefreshOutcome.Refused.class, sessions.useRefreshToken(token, NOW));
    }

    @Test
    void givenTenClientsPresentingOneTokenAtOnce_whenTheyAllUseIt_thenExactlyOneRotatesAndTheRestSeeReuse() {
        UserId user = anAccount();
        SessionId session = aSessionOf(user);
        byte[] token = aTokenOf(sessions, session, IN_30_DAYS);
        int clients = 10;

        List<RefreshOutcome> outcomes = AllAtOnce.call(clients, i -> sessions.useRefreshToken(token, NOW.plusSeconds(60)));

        RefreshOutcome rotated = new RefreshOutcome.Rotated(session, user);
        RefreshOutcome reused = new RefreshOutcome.Reused(session);
        assertEquals(1, outcomes.stream().filter(rotated::equals).count(), outcomes.toString());
        assertEquals(clients - 1, outcomes.stream().filter(reused::equals).count(), outcomes.toString());
    }

    // --- transactions ---

    @Test
    void givenATokenUsedInATransactionThatFails_whenPresentedAgain_thenItStillRotates() {
        UserId user = anAccount();
        SessionId session = aSessionOf(user);
        byte[] token = aTokenOf(sessions, session, IN_30_DAYS);
        byte[] next = aTokenHash();

        assertThrows(IllegalStateException.class, () -> storage.transactions().inTransaction(() -> {
            sessions.useRefreshToken(token, NOW.plusSeconds(60));
            sessions.addRefreshToken(next, session, IN_30_DAYS.plusSeconds(60));
            throw new IllegalStateException("the new token could not be signed");
        }));

        assertEquals(new RefreshOutcome.Rotated(session, user), sessions.useRefreshToken(token, NOW.plusSeconds(61)));
        assertInstanceOf(RefreshOutcome.Refused.class, sessions.useRefreshToken(next, NOW.plusSeconds(62)));
    }

    @Test
    void givenASessionOpenedInATransactionThatFails_whenChecked_thenItWasNeverThere() {
        UserId user = anAccount();
        SessionId session = new SessionId(UUID.randomUUID());

        assertThrows(IllegalStateException.class, () -> storage.transactions().inTransaction(() -> {
            sessions.open(session, user, NOW);
            throw new IllegalStateException("the tokens could not be issued");
        }));

        assertFalse(sessions.isActive(session, user));
    }

    // --- account deletion ---

    @Test
    void givenAnAccountWithSessionsAndTokens_whenTheAccountIsDeleted_thenTheyGoWithIt() {
        UserId user = anAccount();
        SessionId session = aSessionOf(user);
        byte[] used = aTokenOf(sessions, session, IN_30_DAYS);
        byte[] fresh = aTokenOf(sessions, session, IN_30_DAYS);
        sessions.useRefreshToken(used, NOW);
        UserId someoneElse = anAccount();
        SessionId theirs = aSessionOf(someoneElse);

        storage.users().delete(user, OptionalLong.empty());

        assertFalse(sessions.isActive(session, user));
        assertInstanceOf(RefreshOutcome.Refused.class, sessions.useRefreshToken(used, NOW.plusSeconds(1)),
                "a used token of a deleted session is forgotten, not reported as reused");
        assertInstanceOf(RefreshOutcome.Refused.class, sessions.useRefreshToken(fresh, NOW.plusSeconds(1)));
        assertTrue(sessions.isActive(theirs, someoneElse));
    }

    @Test
    void givenAnAccountWithSessionsAndTokens_whenTheAccountIsDeleted_thenNoneOfTheirRowsIsLeftToPurge() {
        try (Storage own = newStorage()) {
            UserId user = anAccountIn(own.users());
            for (int i = 0; i < 2; i++) {
                aTokenOf(own.sessions(), aSessionOf(own, user), IN_30_DAYS);
            }

            own.users().delete(user, OptionalLong.empty());

            assertEquals(0, own.sessions().purgeExpiredRefreshTokens(FAR_FUTURE, 100), "refresh tokens left");
            assertEquals(0, own.sessions().purgeEnded(FAR_FUTURE, 100), "sessions left");
        }
    }

    // --- purges ---

    @Test
    void givenLiveRevokedAndExpiredSessions_whenPurged_thenOnlyThoseEndedBeforeTheHorizonGoWithTheirTokens() {
        Instant horizon = NOW.minus(Duration.ofHours(1));
        try (Storage own = newStorage()) {
            Sessions purged = own.sessions();
            UserId user = anAccountIn(own.users());
            SessionId live = aSessionOf(own, user);
            aTokenOf(purged, live, NOW.plus(Duration.ofDays(29)));
            byte[] usedTokenOfExpired = aTokenOf(purged, aSessionOf(own, user), horizon.minusSeconds(1));
            purged.useRefreshToken(usedTokenOfExpired, horizon.minusSeconds(2));
            SessionId justExpired = aSessionOf(own, user);
            aTokenOf(purged, justExpired, horizon);
            SessionId revokedLongAgo = aSessionOf(own, user);
            aTokenOf(purged, revokedLongAgo, NOW.plus(Duration.ofDays(29)));
            purged.revoke(revokedLongAgo, horizon.minusSeconds(1));
            SessionId revokedAtTheHorizon = aSessionOf(own, user);
            aTokenOf(purged, revokedAtTheHorizon, NOW.plus(Duration.ofDays(29)));
            purged.revoke(revokedAtTheHorizon, horizon);

            assertEquals(2, purged.purgeEnded(horizon, 100));

            assertTrue(purged.isActive(live, user));
            assertTrue(purged.isActive(justExpired, user), "its token expired at the horizon, not before");
            assertInstanceOf(RefreshOutcome.Refused.class, purged.useRefreshToken(usedTokenOfExpired, NOW),
                    "the used token went with its session");
            assertEquals(0, purged.purgeEnded(horizon, 100), "revoked at the horizon is not before it");
            assertEquals(3, purged.purgeExpiredRefreshTokens(FAR_FUTURE, 100), "the tokens of the sessions left");
        }
    }

    @Test
    void givenExpiredAndValidRefreshTokensOfALiveSession_whenPurged_thenOnlyTheExpiredGoAndTheSessionStays() {
        Instant horizon = NOW.minus(Duration.ofHours(1));
        try (Storage own = newStorage()) {
            Sessions purged = own.sessions();
            UserId user = anAccountIn(own.users());
            SessionId session = aSessionOf(own, user);
            byte[] valid = aTokenOf(purged, session, NOW.plus(Duration.ofDays(29)));
            aTokenOf(purged, session, horizon.minusSeconds(10));
            aTokenOf(purged, session, horizon.minusSeconds(5));
            aTokenOf(purged, session, horizon);

            assertEquals(1, purged.purgeExpiredRefreshTokens(horizon, 1));
            assertEquals(1, purged.purgeExpiredRefreshTokens(horizon, 100));
            assertEquals(0, purged.purgeEnded(horizon, 100));

            assertTrue(purged.isActive(session, user));
            assertEquals(new RefreshOutcome.Rotated(session, user), purged.useRefreshToken(valid, NOW));
            assertEquals(2, purged.purgeExpiredRefreshTokens(FAR_FUTURE, 100), "the valid token and the one at the horizon");
        }
    }

    @Test
    void givenMoreEndedSessionsThanTheBatch_whenPurged_thenEachPurgeDeletesAtMostTheBatch() {
        Instant horizon = NOW.minus(Duration.ofHours(1));
        try (Storage own = newStorage()) {
            UserId user = anAccountIn(own.users());
            for (int i = 0; i < 5; i++) {
                aTokenOf(own.sessions(), aSessionOf(own, user), horizon.minus(Duration.ofDays(i + 1)));
            }

            assertEquals(3, own.sessions().purgeEnded(horizon, 3));
            assertEquals(2, own.sessions().purgeEnded(horizon, 3));
            assertEquals(0, own.sessions().purgeEnded(horizon, 3));
        }
    }
}
