package org.dreamdiary.persistence.contract;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Work on a thread of its own, for tests of what one transaction sees of another while it is open. A store may let
 * the other transaction run beside it (PostgreSQL) or make it wait until it ends (one lock for the store); a test
 * waits for either with {@link #doneOrWaiting}, and must hold in both cases.
 */
final class Background<T> {
    private static final Set<Thread.State> WAITING = EnumSet.of(Thread.State.WAITING, Thread.State.TIMED_WAITING,
            Thread.State.BLOCKED);

    private final CompletableFuture<T> result = new CompletableFuture<>();
    private final Thread thread;

    private Background(String name, Supplier<T> work) {
        thread = new Thread(() -> {
            try {
                result.complete(work.get());
            } catch (Throwable failure) {
                result.completeExceptionally(failure);
            }
        }, name);
        thread.setDaemon(true);
    }

    static <T> Background<T> start(String name, Supplier<T> work) {
        Background<T> background = new Background<>(name, work);
        background.thread.start();
        return background;
    }

    /** Waits until the work is done or its thread waits (for the caller's transaction); whether it is done. */
    boolean doneOrWaiting() {
        Await.until("the other thread to finish or to wait", () -> result.isDone() || WAITING.contains(thread.getState()));
        return result.isDone();
    }

    /** What the work returned, once it has; what it threw, it throws. */
    T result() {
        try {
            return result.get(Await.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new AssertionError("the other thread failed", e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("the other thread did not finish within " + Await.PATIENCE.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
