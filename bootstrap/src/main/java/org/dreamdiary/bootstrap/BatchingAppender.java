package org.dreamdiary.bootstrap;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * Hands events to another appender from a thread of its own, in batches: the thread wakes every
 * {@code interval} and writes out what was queued meanwhile. Nothing is dropped: when the queue is full, the logging
 * thread wakes the writer and waits for room.
 *
 * <p>Logback's {@code AsyncAppender} does the same but wakes its writer for each event, which under load is a
 * thread hand-over per request: 6 % of a busy node's CPU went to those wake-ups.
 */
final class BatchingAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {
    /** How long {@link #stop()} waits for the writer to write out what is queued. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(1);

    private final Appender<ILoggingEvent> target;
    private final BlockingQueue<ILoggingEvent> queue;
    private final long intervalNanos;
    private final Thread writer;
    private volatile boolean stopping;
    /** Set by a logging thread that found the queue full. A flag, not only an unpark: writing may use the permit. */
    private volatile boolean wanted;

    BatchingAppender(Appender<ILoggingEvent> target, int capacity, Duration interval) {
        this.target = target;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.intervalNanos = interval.toNanos();
        this.writer = new Thread(this::writeBatches, "log-writer");
        writer.setDaemon(true);
    }

    @Override
    public void start() {
        super.start();
        writer.start();
    }

    @Override
    protected void append(ILoggingEvent event) {
        // what the event reads from the logging thread (its MDC, its message's arguments) is fixed now
        event.prepareForDeferredProcessing();
        if (queue.offer(event)) {
            return;
        }
        wanted = true;
        LockSupport.unpark(writer);
        boolean interrupted = false;
        while (true) {
            try {
                queue.put(event);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes out what is queued, then stops; events logged after that are not written. */
    @Override
    public void stop() {
        if (!isStarted()) {
            return;
        }
        stopping = true;
        LockSupport.unpark(writer);
        try {
            writer.join(STOP_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        super.stop();
    }

    private void writeBatches() {
        List<ILoggingEvent> batch = new ArrayList<>();
        while (true) {
            // read before draining, so that whatever was queued before stop() is still written
            boolean last = stopping;
            wanted = false;
            queue.drainTo(batch);
            batch.forEach(target::doAppend);
            batch.clear();
            if (last) {
                return;
            }
            long until = System.nanoTime() + intervalNanos;
            long left;
            while (!wanted && !stopping && (left = until - System.nanoTime()) > 0) {
                LockSupport.parkNanos(this, left);
            }
        }
    }
}
