package org.dreamdiary.application.service.chat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Group commit: posts under one key (a chat) that arrive while a commit for that key is in flight wait in its
 * queue, and the next commit takes them all, up to {@code maxBatch}, in the order they arrived. No thread of its
 * own: the first to arrive at an idle key leads, committing its batch on its own thread; then the head of the queue
 * (if any) is woken to lead the next batch, so every leader is answered after one commit, however busy the key.
 * Waiting is bounded by {@code patience}: a post still queued then is withdrawn, never committed; one already in a
 * batch is unconfirmed. Either way the caller gets {@code tooLong}'s error.
 *
 * @param <K> what posts are grouped by
 * @param <P> a post
 * @param <R> what a post's caller is answered with
 */
final class CommitQueue<K, P, R> {

    /** Commits a batch in one transaction, answering each post in order; throwing fails every post in it. */
    @FunctionalInterface
    interface BatchCommit<K, P, R> {
        List<Outcome<R>> commit(K key, List<P> posts);
    }

    /** What one post of a batch came to: its result, or the failure that is its caller's alone. */
    record Outcome<R>(R result, RuntimeException failure) {
        static <R> Outcome<R> done(R result) {
            return new Outcome<>(result, null);
        }

        static <R> Outcome<R> failed(RuntimeException failure) {
            return new Outcome<>(null, failure);
        }

        /** Runs {@code work}, taking down what it returned or threw. */
        static <R> Outcome<R> of(Supplier<R> work) {
            try {
                return done(work.get());
            } catch (RuntimeException e) {
                return failed(e);
            }
        }
    }

    private final Map<K, Deque<Waiter>> queues = new ConcurrentHashMap<>();
    private final int maxBatch;
    private final Duration patience;
    private final BatchCommit<K, P, R> batchCommit;
    private final Supplier<RuntimeException> tooLong;

    CommitQueue(int maxBatch, Duration patience, BatchCommit<K, P, R> batchCommit, Supplier<RuntimeException> tooLong) {
        this.maxBatch = maxBatch;
        this.patience = patience;
        this.batchCommit = batchCommit;
        this.tooLong = tooLong;
    }

    /** Commits {@code post} with whatever else is queued under {@code key}, and answers it once that commit is done. */
    R submit(K key, P post) {
        Waiter waiter = new Waiter(post);
        // a key has a queue exactly while a leader is committing or has been woken to: the map's lock on the key
        // orders every arrival, batch taken and hand-over
        queues.compute(key, (k, queue) -> {
            Deque<Waiter> joined = queue == null ? new ArrayDeque<>() : queue;
            joined.add(waiter);
            if (queue == null) {
                waiter.leads.complete(null);
            }
            return joined;
        });
        return waiter.await(key);
    }

    /** How many posts wait under {@code key} to be taken into a batch. */
    int waiting(K key) {
        int[] waiting = {0};
        queues.computeIfPresent(key, (k, queue) -> {
            waiting[0] = queue.size();
            return queue;
        });
        return waiting[0];
    }

    private void lead(K key) {
        List<Waiter> batch = new ArrayList<>();
        queues.computeIfPresent(key, (k, queue) -> {
            while (batch.size() < maxBatch && !queue.isEmpty()) {
                batch.add(queue.poll());
            }
            return queue;
        });
        try {
            List<Outcome<R>> outcomes = batchCommit.commit(key, batch.stream().map(waiter -> waiter.post).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).answer(outcomes.get(i));
            }
        } catch (RuntimeException e) {
            batch.forEach(waiter -> waiter.answer(Outcome.failed(e)));
        } finally {
            batch.forEach(waiter -> waiter.result.completeExceptionally(new IllegalStateException("not answered")));
            handOver(key);
        }
    }

    /** Wakes the head of the queue to lead the next batch, or, with nobody waiting, lets the key go idle. */
    private void handOver(K key) {
        queues.computeIfPresent(key, (k, queue) -> {
            if (queue.isEmpty()) {
                return null;
            }
            queue.peek().leads.complete(null);
            return queue;
        });
    }

    /** Takes a waiter that ran out of patience out of the queue, unless it was taken into a batch or woken to lead. */
    private boolean withdraw(K key, Waiter waiter) {
        boolean[] withdrawn = {false};
        queues.computeIfPresent(key, (k, queue) -> {
            withdrawn[0] = !waiter.leads.isDone() && queue.remove(waiter);
            return queue;
        });
        return withdrawn[0];
    }

    private final class Waiter {
        final P post;
        final CompletableFuture<R> result = new CompletableFuture<>();
        final CompletableFuture<Void> leads = new CompletableFuture<>();

        Waiter(P post) {
            this.post = post;
        }

        void answer(Outcome<R> outcome) {
            if (outcome.failure() == null) {
                result.complete(outcome.result());
            } else {
                result.completeExceptionally(outcome.failure());
            }
        }

        R await(K key) {
            long deadline = System.nanoTime() + patience.toNanos();
            if (!waitFor(CompletableFuture.anyOf(result, leads), deadline) && withdraw(key, this)) {
                throw tooLong.get();
            }
            if (leads.isDone() && !result.isDone()) {
                lead(key);
            }
            if (!waitFor(result, deadline)) {
                throw tooLong.get();
            }
            try {
                return result.get();
            } catch (ExecutionException e) {
                throw (RuntimeException) e.getCause();
            } catch (InterruptedException e) {
                throw new IllegalStateException("a completed result does not wait", e);
            }
        }

        /** Whether {@code done} completed before the deadline; an interrupt ends the wait as running out of time. */
        private boolean waitFor(CompletableFuture<?> done, long deadline) {
            try {
                done.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                return true;
            } catch (ExecutionException e) {
                return true;
            } catch (TimeoutException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
