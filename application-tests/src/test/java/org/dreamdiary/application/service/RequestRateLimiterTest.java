package org.dreamdiary.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.dreamdiary.adapter.memory.MemoryStorage;
import org.dreamdiary.application.port.in.LimitRequests.Allowance;
import org.dreamdiary.application.port.out.RequestCounts;
import org.dreamdiary.application.port.out.RequestCounts.Tally;
import org.dreamdiary.application.port.out.user.TokenIssuer;
import org.dreamdiary.domain.user.SessionId;
import org.dreamdiary.domain.user.UserId;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class RequestRateLimiterTest {
    private static final int LIMIT = 5;
    private static final Instant START = Instant.parse("2026-11-21T10:30:00.000Z");
    private static final String ADDRESS = "203.0.113.7";

    /** Tokens "valid:<uuid>" name that user; anything else is invalid. */
    private static final class Tokens implements TokenIssuer {
        @Override
        public AccessToken issue(UserId user, SessionId session, Instant now) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Claims> verify(String token, Instant now) {
            return token.startsWith("valid:")
                    ? Optional.of(new Claims(new UserId(UUID.fromString(token.substring(6))), new SessionId(UUID.randomUUID()),
                            now.plusSeconds(60)))
                    : Optional.empty();
        }
    }

    private Instant now = START.plusSeconds(20);
    /** The shared totals: one store that both nodes reach, as the database is for every node. */
    @AutoClose
    private final MemoryStorage storage = new MemoryStorage();
    private final WatchedTransactions store = new WatchedTransactions(storage.transactions());
    private final RequestCounts shared = store.watch(RequestCounts.class, storage.requestCounts());
    private final RequestRateLimiter nodeA = new RequestRateLimiter(shared, new Tokens(), () -> now, LIMIT);
    private final RequestRateLimiter nodeB = new RequestRateLimiter(shared, new Tokens(), () -> now, LIMIT);

    private static Allowance anonymous(RequestRateLimiter node) {
        return node.admit(Optional.empty(), ADDRESS);
    }

    /** The shared total of the anonymous caller in the first window, as adding nothing to it answers. */
    private long sharedTotalOfTheAddress() {
        return storage.requestCounts().add(List.of(new Tally("address:" + ADDRESS, START, 0))).get(0).requests();
    }

    @Test
    void givenAnAnonymousCaller_whenRequestingPastTheLimit_thenRemainingCountsDownAndTheNextIsRefusedUntilTheMinuteEnds() {
        List<Long> remaining = new ArrayList<>();
        for (int i = 0; i < LIMIT; i++) {
            Allowance allowance = anonymous(nodeA);
            assertThat(allowance.admitted()).isTrue();
            remaining.add(allowance.remaining());
        }
        Allowance refused = anonymous(nodeA);

        assertThat(remaining).containsExactly(4L, 3L, 2L, 1L, 0L);
        assertThat(refused).isEqualTo(new Allowance(false, LIMIT, 0, Duration.ofSeconds(40)));
        assertThat(anonymous(nodeA).admitted()).as("a refusal is not counted, but does not help either").isFalse();

        now = START.plusSeconds(60);
        assertThat(anonymous(nodeA)).isEqualTo(new Allowance(true, LIMIT, LIMIT - 1, Duration.ofSeconds(60)));
    }

    @Test
    void givenAValidToken_whenRequesting_thenTheUserIsCountedNotTheAddressAndAnInvalidTokenCountsForTheAddress() {
        String alice = "valid:" + UUID.randomUUID();
        for (int i = 0; i < LIMIT; i++) {
            assertThat(nodeA.admit(Optional.of(alice), ADDRESS).admitted()).isTrue();
        }

        assertThat(nodeA.admit(Optional.of(alice), "198.51.100.1").admitted()).as("alice from anywhere").isFalse();
        assertThat(nodeA.admit(Optional.of("valid:" + UUID.randomUUID()), ADDRESS).admitted()).as("bob").isTrue();
        assertThat(nodeA.admit(Optional.of("forged"), ADDRESS).remaining()).as("the address, anonymous").isEqualTo(LIMIT - 1);
    }

    @Test
    void givenRequestsOnTwoNodes_whenEachReconciles_thenItCountsTheOthersRequestsFromThenOn() {
        for (int i = 0; i < 3; i++) {
            anonymous(nodeA);
        }
        nodeA.reconcile();
        anonymous(nodeB);
        nodeB.reconcile();

        assertThat(anonymous(nodeB).remaining()).as("B knows A's three").isZero();
        assertThat(anonymous(nodeB).admitted()).isFalse();
        // A has not heard of B's requests yet: this is the overshoot the bound allows, one interval's worth
        assertThat(anonymous(nodeA).admitted()).isTrue();
        nodeA.reconcile();
        assertThat(anonymous(nodeA).admitted()).isFalse();
        nodeB.reconcile();
        assertThat(sharedTotalOfTheAddress()).as("one over the limit").isEqualTo(LIMIT + 1L);
    }

    @Test
    void givenNothingNewSinceTheLastReconciliation_whenReconciling_thenNothingIsWritten() {
        anonymous(nodeA);
        nodeA.reconcile();
        nodeA.reconcile();

        assertThat(store.calls("RequestCounts.add")).singleElement()
                .satisfies(add -> assertThat((List<?>) add.arg(0)).hasSize(1));
    }

    @Test
    void givenTheDatabaseDown_whenReconciling_thenTheNodeLimitsAloneAndSharesItsCountLater() {
        store.failNext("RequestCounts.add");
        for (int i = 0; i < 3; i++) {
            anonymous(nodeA);
        }
        nodeA.reconcile();
        assertThat(anonymous(nodeA).remaining()).isEqualTo(1);

        nodeA.reconcile();
        nodeB.reconcile();
        anonymous(nodeB);
        nodeB.reconcile();

        assertThat(anonymous(nodeB).admitted()).as("A's four and B's one fill the window").isFalse();
    }
}
