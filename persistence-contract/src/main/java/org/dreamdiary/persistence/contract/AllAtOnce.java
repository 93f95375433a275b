package org.dreamdiary.persistence.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/**
 * Calls made at once, as concurrent requests on several nodes make them: on many threads, released together once
 * they are all ready, each awaited for a bounded time, so that a store that deadlocks fails the test instead of
 * hanging it.
 */
final class AllAtOnce {
    private static final int THREADS = 32;
    private static final long PATIENCE_SECONDS = 60;

    private AllAtOnce() {
    }

    /** Runs every one of {@code work} at once; a failure of one is rethrown. */
    static void run(List<Runnable> work) {
        call(work.size(), i -> {
            work.get(i).run();
            return null;
        });
    }

    /** The results of {@code call(0)} to {@code call(calls - 1)}, in that order; a call's failure is rethrown. */
    static <T> List<T> call(int calls, IntFunction<T> call) {
        int threadCount = Math.min(calls, THREADS);
        ExecutorService threads = Executors.newFixedThreadPool(threadCount);
        try {
            CountDownLatch ready = new CountDownLatch(threadCount);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                int index = i;
                futures.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.apply(index);
                }));
            }
            if (!ready.await(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("the threads never got ready");
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(PATIENCE_SECONDS, TimeUnit.SECONDS));
            }
            return results;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error failure) {
                throw failure;
            }
            throw new AssertionError(e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("a call did not end within " + PATIENCE_SECONDS + " s: a deadlock?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } finally {
            threads.shutdownNow();
        }
    }
}
