package org.dreamdiary.adapter.persistence;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Turns for a fixed number of connections, given first come first served, each waiter giving up after the same wait.
 *
 * <p>Waiters park without a time limit, and one timer thread, alive only while someone waits, ends the waits that
 * ran out. A {@link java.util.concurrent.Semaphore} with a timeout would do the same, but on a virtual thread every
 * timed park arms and cancels a timer of the JVM's scheduler and wakes that scheduler's thread: under load, when
 * nearly every request waits for a turn, that cost 8 % of the node's CPU. Since all waits are equally long
 * and the queue is in arrival order, the first waiter's deadline is always the nearest, so the timer sleeps until
 * it.
 */
final class ConnectionTurns {
    private static final long MIN_SLEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final long waitNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Waiter> waiting = new ArrayDeque<>();
    private int free;
    private boolean timerRunning;

    ConnectionTurns(int connections, Duration wait) {
        this.free = connections;
        this.waitNanos = wait.toNanos();
    }

    /** Takes a turn, waiting for one in arrival order; false once the wait ran out or the thread was interrupted. */
    boolean take() {
        Waiter me;
        lock.lock();
        try {
            if (free > 0) {
                free--;
                return true;
            }
            me = new Waiter(Thread.currentThread(), System.nanoTime() + waitNanos);
            waiting.addLast(me);
            if (!timerRunning) {
                timerRunning = true;
                Thread timer = new Thread(this::endRunOutWaits, "database-turn-timer");
                timer.setDaemon(true);
                timer.start();
            }
        } finally {
            lock.unlock();
        }
        while (me.outcome == Outcome.WAITING) {
            LockSupport.park(this);
            if (Thread.currentThread().isInterrupted()) {
                withdraw(me);
            }
        }
        return me.outcome == Outcome.GRANTED;
    }

    /** Hands the turn to the first waiter, or frees it when nobody waits. */
    void give() {
        lock.lock();
        try {
            Waiter next = waiting.pollFirst();
            if (next == null) {
                free++;
            } else {
                next.end(Outcome.GRANTED);
            }
        } finally {
            lock.unlock();
        }
    }

    private void withdraw(Waiter waiter) {
        lock.lock();
        try {
            if (waiter.outcome == Outcome.WAITING) {
                waiting.remove(waiter);
                waiter.end(Outcome.GAVE_UP);
            }
        } finally {
            lock.unlock();
        }
    }

    /** The timer: sleeps until the first waiter's deadline, ends every wait that ran out, stops once none is left. */
    private void endRunOutWaits() {
        long sleepNanos = 0;
        while (true) {
            LockSupport.parkNanos(this, sleepNanos);
            lock.lock();
            try {
                long now = System.nanoTime();
                Waiter first;
                while ((first = waiting.peekFirst()) != null && first.deadline - now <= 0) {
                    waiting.pollFirst().end(Outcome.GAVE_UP);
                }
                if (first == null) {
                    timerRunning = false;
                    return;
                }
                sleepNanos = Math.max(first.deadline - now, MIN_SLEEP_NANOS);
            } finally {
                lock.unlock();
            }
        }
    }

    private enum Outcome { WAITING, GRANTED, GAVE_UP }

    private static final class Waiter {
        private final Thread thread;
        private final long deadline;
        private volatile Outcome outcome = Outcome.WAITING;

        private Waiter(Thread thread, long deadline) {
            this.thread = thread;
            this.deadline = deadline;
        }

        private void end(Outcome how) {
            outcome = how;
            LockSupport.unpark(thread);
        }
    }
}
