package org.dreamdiary.persistence.contract;

import static org.dreamdiary.persistence.contract.TestUsers.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.dreamdiary.application.port.out.RequestCounts;
import org.dreamdiary.application.port.out.RequestCounts.Tally;
import org.dreamdiary.application.port.out.Storage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every implementation of the {@link RequestCounts} port promises. Every test counts callers of its own, so
 * the tests share one store; forgetting, which counts what it deletes across the whole store, runs on a store of
 * its own. Windows start on a whole minute, as the rate limiter's do.
 */
public abstract class RequestCountsContract extends StorageContract {
    private static final Instant WINDOW = Instant.parse("2026-11-21T10:30:00Z");
    private static final Instant NEXT_WINDOW = WINDOW.plusSeconds(60);

    private RequestCounts counts;

    @BeforeEach
    final void takeCounts() {
        counts = storage.requestCounts();
    }

    /** The caller's total in the window, adding nothing to it. */
    private static long total(RequestCounts of, String caller, Instant window) {
        return of.add(List.of(new Tally(caller, window, 0))).get(0).requests();
    }

    @Test
    void givenTalliesOfSeveralCallersAndWindows_whenAdded_thenEachTotalComesBackAndGrowsWithTheNextAddition() {
        String alice = unique("user:");
        String address = unique("address:");

        assertEquals(Set.of(new Tally(alice, WINDOW, 3), new Tally(address, WINDOW, 1), new Tally(alice, NEXT_WINDOW, 2)),
                Set.copyOf(counts.add(List.of(new Tally(alice, WINDOW, 3), new Tally(address, WINDOW, 1),
                        new Tally(alice, NEXT_WINDOW, 2)))));
        assertEquals(List.of(new Tally(alice, WINDOW, 7)), counts.add(List.of(new Tally(alice, WINDOW, 4))));
        assertEquals(2, total(counts, alice, NEXT_WINDOW));
        assertEquals(1, total(counts, address, WINDOW));
    }

    @Test
    void givenNoTallies_whenAdded_thenNothingComesBack() {
        assertEquals(List.of(), counts.add(List.of()));
    }

    @Test
    void givenACallerNeverCounted_whenAddingNothingToIt_thenItsTotalIsZero() {
        assertEquals(0, total(counts, unique("new:"), WINDOW));
    }

    @Test
    void givenEightNodesAddingOverlappingCallersAtOnce_whenAllAreDone_thenTheTotalsAreTheSums() {
        List<String> callers = List.of(unique("a:"), unique("b:"), unique("c:"), unique("d:"));
        int nodes = 8;
        int rounds = 25;

        AllAtOnce.call(nodes, node -> {
            // Each node lists the callers in another order; none may wait for another forever.
            List<String> mine = new ArrayList<>(callers);
            Collections.rotate(mine, node);
            for (int round = 0; round < rounds; round++) {
                counts.add(mine.stream().map(caller -> new Tally(caller, WINDOW, 1)).toList());
            }
            return null;
        });

        for (String caller : callers) {
            assertEquals((long) nodes * rounds, total(counts, caller, WINDOW), caller);
        }
    }

    @Test
    void givenTalliesAddedInATransactionThatFails_whenItRollsBack_thenTheTotalsAreAsBefore() {
        String caller = unique("user:");
        counts.add(List.of(new Tally(caller, WINDOW, 2)));

        assertThrows(IllegalStateException.class, () -> storage.transactions().inTransaction(() -> {
            counts.add(List.of(new Tally(caller, WINDOW, 5)));
            throw new IllegalStateException("the node stopped");
        }));

        assertEquals(2, total(counts, caller, WINDOW));
    }

    @Test
    void givenOldAndCurrentWindows_whenForgettingBeforeTheCurrent_thenOnlyOlderOnesGoInBoundedBatches() {
        String caller = unique("user:");
        Instant old = Instant.parse("2001-01-01T00:00:00Z");
        Instant current = old.plusSeconds(180);
        try (Storage own = newStorage()) {
            RequestCounts forgetting = own.requestCounts();
            forgetting.add(List.of(new Tally(caller, old, 1), new Tally(caller, old.plusSeconds(60), 1),
                    new Tally(caller, old.plusSeconds(120), 1), new Tally(caller, current, 5)));

            assertEquals(2, forgetting.forgetBefore(current, 2));
            assertEquals(1, forgetting.forgetBefore(current, 100));
            assertEquals(0, forgetting.forgetBefore(current, 100));

            assertEquals(5, total(forgetting, caller, current), "the window starting at the horizon stays");
            assertEquals(0, total(forgetting, caller, old), "a forgotten window starts again from nothing");
        }
    }
}
