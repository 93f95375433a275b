package org.dreamdiary.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.dreamdiary.application.port.in.LimitRequests.Allowance;
import org.dreamdiary.application.port.out.RequestCounts;
import org.dreamdiary.application.port.out.user.TokenIssuer;
import org.dreamdiary.domain.user.SessionId;
import org.dreamdiary.domain.user.UserId;
import org.junit.jupiter.api.Test;

class RequestRateLimiterTest {
    private static final int LIMIT = 5;
    private static final Instant START = Instant.parse("2026-11-21T10:30:00.000Z");
    private static final String ADDRESS = "203.0.113.7";

    /** The shared totals, as the database keeps them for every node. */
    private static final class SharedCounts implements RequestCounts {
        final Map<String, Long> totals = new HashMap<>();
        final List<List<Tally>> calls = new ArrayList<>();
        boolean unreachable;

        @Override
        public List<Tally> add(List<Tally> tallies) {
            if (unreachable) {
                throw new IllegalStateException("the database is down");
            }
            calls.add(List.copyOf(tallies));
            return tallies.stream().map(tally -> new Tally(tally.caller(), tally.windowStart(),
                    totals.merge(tally.caller() + "@" + tally.windowStart(), tally.requests(), Long::sum))).toList();
        }

        @Override
        public int forgetBefore(Instant windowStart, int max) {
            return 0;
        }
    }

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
    private final SharedCounts shared = new SharedCounts();
    private final RequestRateLimiter nodeA = new RequestRateLimiter(shared, new Tokens(), () -> now, LIMIT);
    private final RequestRateLimiter nodeB = new RequestRateLimiter(shared, new Tokens(), () -> now, LIMIT);

    private static Allowance anonymous(RequestRateLimiter node) {
        return node.admit(Optional.empty(), ADDRESS);
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
        assertThat(shared.totals).as("one over the limit").containsValue(LIMIT + 1L);
    }

    @Test
    void givenNothingNewSinceTheLastReconciliation_whenReconciling_thenNothingIsWritten() {
        anonymous(nodeA);
        nodeA.reconcile();
        nodeA.reconcile();

        assertThat(shared.calls).hasSize(1);
        assertThat(shared.calls.get(0)).hasSize(1);
    }

    @Test
    void givenTheDatabaseDown_whenReconciling_thenTheNodeLimitsAloneAndSharesItsCountLater() {
        shared.unreachable = true;
        for (int i = 0; i < 3; i++) {
            anonymous(nodeA);
        }
        nodeA.reconcile();
        assertThat(anonymous(nodeA).remaining()).isEqualTo(1);

        shared.unreachable = false;
        nodeA.reconcile();
        nodeB.reconcile();
        anonymous(nodeB);
        nodeB.reconcile();

        assertThat(anonymous(nodeB).admitted()).as("A's four and B's one fill the window").isFalse();
    }
}
