package org.dreamdiary.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ConnectionTurnsTest {
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @Test
    void givenEveryTurnTaken_whenTheWaitRunsOut_thenTheWaiterGivesUpAfterItsWaitAndTheTimerEnds() throws Exception {
        // another test's gate may still have its timer sleeping out a wait that was granted: not this one's
        Set<Thread> othersTimers = timers();
        ConnectionTurns turns = new ConnectionTurns(1, Duration.ofMillis(100));
        assertThat(turns.take()).isTrue();

        long started = System.nanoTime();
        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(turns::take);
        CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(turns::take);

        assertThat(first.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isFalse();
        assertThat(second.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        awaitNoTimerBut(othersTimers);

        // nobody waits now: the turn handed back is free for the next comer at once
        turns.give();
        assertThat(turns.take()).isTrue();
    }

    @Test
    void givenAWaiter_whenItIsInterrupted_thenItGivesUpAndTheTurnGoesToTheNextInLine() throws Exception {
        ConnectionTurns turns = new ConnectionTurns(1, PATIENCE);
        assertThat(turns.take()).isTrue();
        CompletableFuture<Boolean> interrupted = new CompletableFuture<>();
        CompletableFuture<Boolean> keptItsInterrupt = new CompletableFuture<>();
        Thread waiter = new Thread(() -> {
            boolean got = turns.take();
            keptItsInterrupt.complete(Thread.currentThread().isInterrupted());
            interrupted.complete(got);
        });
        waiter.start();
        awaitParkedIn(turns, waiter);
        CompletableFuture<Boolean> next = new CompletableFuture<>();
        Thread nextInLine = new Thread(() -> next.complete(turns.take()));
        nextInLine.start();
        awaitParkedIn(turns, nextInLine);

        waiter.interrupt();
        assertThat(interrupted.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isFalse();
        assertThat(keptItsInterrupt).isCompletedWithValue(true);
        assertThat(next).isNotDone();

        turns.give();
        assertThat(next.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
    }

    private static void awaitParkedIn(ConnectionTurns turns, Thread thread) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (thread.getState() != Thread.State.WAITING || LockSupport.getBlocker(thread) != turns) {
            assertThat(System.nanoTime()).as("%s waiting for a turn", thread.getName()).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private static Set<Thread> timers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("database-turn-timer")).collect(Collectors.toSet());
    }

    private static void awaitNoTimerBut(Set<Thread> othersTimers) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!othersTimers.containsAll(timers())) {
            assertThat(System.nanoTime()).as("the timer ending once nobody waits").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }
}
