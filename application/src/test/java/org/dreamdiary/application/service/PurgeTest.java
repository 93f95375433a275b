package org.dreamdiary.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PurgeTest {
    private static final Instant NOW = Instant.parse("2026-11-21T10:30:00.000Z");

    /** A task with {@code expired} records to delete, recording the size of each batch it was asked for. */
    private static final class Expired implements Purge.Deletion {
        int left;
        final List<Integer> asked = new ArrayList<>();

        Expired(int left) {
            this.left = left;
        }

        @Override
        public int delete(Instant now, int max) {
            assertThat(now).isEqualTo(NOW);
            asked.add(max);
            int gone = Math.min(max, left);
            left -= gone;
            return gone;
        }
    }

    @Test
    void givenMoreThanOneBatch_whenRun_thenEachTaskDeletesBatchByBatchUntilABatchComesBackShort() {
        Expired many = new Expired(Purge.BATCH * 2 + 5);
        Expired none = new Expired(0);

        Map<String, Integer> deleted = new Purge(List.of(new Purge.Task("many", many), new Purge.Task("none", none)),
                () -> NOW).runOnce();

        assertThat(deleted).containsExactly(Map.entry("many", Purge.BATCH * 2 + 5), Map.entry("none", 0));
        assertThat(many.asked).hasSize(3).containsOnly(Purge.BATCH);
        assertThat(none.asked).hasSize(1);
    }

    @Test
    void givenMoreThanOneRunCanTake_whenRun_thenItStopsAndLeavesTheRestForTheNext() {
        Expired endless = new Expired(Integer.MAX_VALUE);

        new Purge(List.of(new Purge.Task("endless", endless)), () -> NOW).runOnce();

        assertThat(endless.asked).hasSize(Purge.MAX_BATCHES);
    }

    @Test
    void givenAFailingTask_whenRun_thenTheOthersStillRun() {
        Expired after = new Expired(3);

        Map<String, Integer> deleted = new Purge(List.of(
                new Purge.Task("failing", (now, max) -> {
                    throw new IllegalStateException("the database is down");
                }),
                new Purge.Task("after", after)), () -> NOW).runOnce();

        assertThat(deleted).containsEntry("failing", 0).containsEntry("after", 3);
    }
}
