package org.dreamdiary.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dreamdiary.persistence.contract.TestUsers.unique;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.dreamdiary.application.port.out.RequestCounts.Tally;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** The shared request totals on PostgreSQL: one upsert adds every node's counts, concurrent nodes lose nothing. */
class JdbiRequestCountsTest {
    private static final Instant WINDOW = Instant.parse("2026-11-21T10:30:00Z");

    private final Jdbi jdbi = MigratedSchema.jdbi(MigratedSchema.create());
    private final JdbiRequestCounts counts = new JdbiRequestCounts(jdbi);

    @Test
    void givenTalliesOfSeveralCallersAndWindows_whenAdded_thenEachTotalComesBackAndGrowsWithTheNextAddition() {
        String alice = unique("user:");
        String address = unique("address:");
        Instant next = WINDOW.plusSeconds(60);

        assertThat(counts.add(List.of(new Tally(alice, WINDOW, 3), new Tally(address, WINDOW, 1), new Tally(alice, next, 2))))
                .containsExactlyInAnyOrder(new Tally(alice, WINDOW, 3), new Tally(address, WINDOW, 1), new Tally(alice, next, 2));
        assertThat(counts.add(List.of(new Tally(alice, WINDOW, 4))))
                .containsExactly(new Tally(alice, WINDOW, 7));
        assertThat(counts.add(List.of())).isEmpty();
    }

    @Test
    void givenEightNodesAddingOverlappingCallersAtOnce_whenAllAreDone_thenTheTotalsAreTheSumsAndNoOneDeadlocked() throws Exception {
        List<String> callers = List.of(unique("a"), unique("b"), unique("c"), unique("d"));
        int nodes = 8;
        int rounds = 25;
        ExecutorService threads = Executors.newFixedThreadPool(nodes);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int node = 0; node < nodes; node++) {
                // each node lists the callers in another order: the adapter must lock them in one order
                List<String> mine = new ArrayList<>(callers);
                java.util.Collections.rotate(mine, node);
                done.add(threads.submit(() -> {
                    go.await();
                    for (int round = 0; round < rounds; round++) {
                        counts.add(mine.stream().map(caller -> new Tally(caller, WINDOW, 1)).toList());
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> node : done) {
                node.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(counts.add(callers.stream().map(caller -> new Tally(caller, WINDOW, 0)).toList()))
                .extracting(Tally::requests).containsOnly((long) nodes * rounds);
    }

    @Test
    void givenOldAndCurrentWindows_whenForgettingBeforeTheCurrent_thenOnlyOldOnesGoInBoundedBatches() {
        String caller = unique("user:");
        Instant old = Instant.parse("2001-01-01T00:00:00Z");
        counts.add(List.of(new Tally(caller, old, 1), new Tally(caller, old.plusSeconds(60), 1),
                new Tally(caller, old.plusSeconds(120), 1), new Tally(caller, WINDOW, 5)));

        assertThat(counts.forgetBefore(old.plusSeconds(180), 2)).isEqualTo(2);
        assertThat(counts.forgetBefore(old.plusSeconds(180), 100)).isEqualTo(1);
        assertThat(counts.add(List.of(new Tally(caller, WINDOW, 0)))).containsExactly(new Tally(caller, WINDOW, 5));
    }
}
