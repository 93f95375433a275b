package org.dreamdiary.application.service.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.dreamdiary.application.port.out.user.Sessions.RefreshOutcome;
import org.dreamdiary.application.service.RecordingTransactions;
import org.dreamdiary.application.service.user.Fakes.InMemorySessions;
import org.dreamdiary.application.service.user.Fakes.InMemoryUsers;
import org.dreamdiary.domain.error.ConflictException;
import org.dreamdiary.domain.error.StaleVersionException;
import org.dreamdiary.domain.user.SessionId;
import org.dreamdiary.domain.user.User;
import org.dreamdiary.domain.user.UserId;
import org.dreamdiary.domain.user.Username;
import org.junit.jupiter.api.Test;

/** The fakes the use-case tests lean on keep the port contracts; if they did not, those tests would prove little. */
class FakesTest {

    private static final Instant NOW = Instant.parse("2024-06-01T10:00:00Z");

    private final RecordingTransactions transactions = new RecordingTransactions();
    private final InMemoryUsers users = transactions.register(new InMemoryUsers(transactions));
    private final InMemorySessions sessions = transactions.register(new InMemorySessions(transactions));
    private final Fakes.SequentialIds ids = new Fakes.SequentialIds();

    private User user(String name) {
        return User.register(new UserId(ids.next()), new Username(name), "hash", null, null, null, NOW);
    }

    @Test
    void usersUpdateStoresAChangeOnlyWhenTheStoredVersionIsTheOneBeforeIt() {
        User stored = user("alice");
        users.add(stored);

        users.update(stored.withPasswordHash("h2", NOW));
        assertThatThrownBy(() -> users.update(stored.withPasswordHash("h3", NOW)))
                .as("version 2 again, based on the stale version 1")
                .isInstanceOf(StaleVersionException.class);
        assertThatThrownBy(() -> users.update(stored.withPasswordHash("a", NOW).withPasswordHash("b", NOW)
                .withPasswordHash("c", NOW)))
                .as("version 4, skipping 3")
                .isInstanceOf(StaleVersionException.class);
        assertThat(users.byId(stored.id()).orElseThrow().passwordHash()).isEqualTo("h2");
    }

    @Test
    void usersAreUniqueByUsernameIgnoringCase() {
        users.add(user("alice"));

        assertThatThrownBy(() -> users.add(user("ALICE"))).isInstanceOf(ConflictException.class);
        assertThat(users.byUsername(new Username("AlIcE"))).isPresent();
    }

    @Test
    void aRefreshTokenRotatesOnceThenCountsAsReused() {
        SessionId session = new SessionId(ids.next());
        UserId owner = new UserId(ids.next());
        byte[] hash = {1, 2, 3};
        sessions.open(session, owner, NOW);
        sessions.addRefreshToken(hash, session, NOW.plus(Duration.ofDays(30)));

        assertThat(sessions.useRefreshToken(hash, NOW)).isEqualTo(new RefreshOutcome.Rotated(session, owner));
        assertThat(sessions.useRefreshToken(hash, NOW)).isEqualTo(new RefreshOutcome.Reused(session));
    }

    @Test
    void unknownExpiredAndRevokedSessionTokensAreRefused() {
        SessionId session = new SessionId(ids.next());
        UserId owner = new UserId(ids.next());
        sessions.open(session, owner, NOW);
        sessions.addRefreshToken(new byte[] {1}, session, NOW.plusSeconds(60));
        sessions.addRefreshToken(new byte[] {2}, session, NOW.plusSeconds(60));

        assertThat(sessions.useRefreshToken(new byte[] {9}, NOW)).isInstanceOf(RefreshOutcome.Refused.class);
        assertThat(sessions.useRefreshToken(new byte[] {1}, NOW.plusSeconds(60))).isInstanceOf(RefreshOutcome.Refused.class);
        sessions.revoke(session, NOW);
        assertThat(sessions.useRefreshToken(new byte[] {2}, NOW)).isInstanceOf(RefreshOutcome.Refused.class);
    }

    @Test
    void aFailingTransactionLeavesTheStoresAsTheyWere() {
        User alice = user("alice");

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            users.add(alice);
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        assertThat(users.byId(alice.id())).isEmpty();
        assertThat(transactions.begun()).isEqualTo(1);
        assertThat(transactions.rolledBack()).isEqualTo(1);
        assertThat(transactions.writesOutside()).isEmpty();
    }

    @Test
    void writesOutsideATransactionAreNoted() {
        users.add(user("alice"));

        assertThat(transactions.writesOutside()).containsExactly("users.add");
    }
}
