package org.dreamdiary.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

class BatchingAppenderTest {
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    /** The service's context: its events read the MDC through it. */
    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final Logger logger = context.getLogger("org.dreamdiary.access");

    @Test
    void givenEventsFromManyThreads_whenTheirBatchIsWritten_thenEachArrivesOnceInItsThreadsOrderWithItsOwnMdc()
            throws Exception {
        Collected target = new Collected(0);
        BatchingAppender appender = started(target, 8192, Duration.ofMillis(20));
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            String name = "t" + t;
            threads.add(new Thread(() -> {
                for (int i = 0; i < 250; i++) {
                    MDC.put("request_id", name + "-" + i);
                    appender.doAppend(event("line {}", i));
                }
                MDC.clear();
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join(PATIENCE.toMillis());
        }

        target.awaitCount(1000);
        for (int t = 0; t < 4; t++) {
            String prefix = "t" + t + "-";
            List<String> ids = target.events.stream().map(e -> e.getMDCPropertyMap().get("request_id"))
                    .filter(id -> id.startsWith(prefix)).toList();
            assertThat(ids).hasSize(250);
            for (int i = 0; i < 250; i++) {
                assertThat(ids.get(i)).isEqualTo(prefix + i);
            }
        }
        appender.stop();
    }

    @Test
    void givenAFullQueue_whenMoreIsLogged_thenTheLoggerWaitsForRoomAndNothingIsDropped() {
        Collected target = new Collected(1);
        // an interval far longer than the test: only a full queue or the stop makes the writer write
        BatchingAppender appender = started(target, 4, Duration.ofHours(1));
        for (int i = 0; i < 50; i++) {
            appender.doAppend(event("line {}", i));
        }

        appender.stop();

        assertThat(target.events).hasSize(50);
        assertThat(target.events.get(49).getFormattedMessage()).isEqualTo("line 49");
        appender.doAppend(event("after the stop", 0));
        assertThat(target.events).hasSize(50);
    }

    private BatchingAppender started(Collected target, int capacity, Duration interval) {
        target.setContext(context);
        target.start();
        BatchingAppender appender = new BatchingAppender(target, capacity, interval);
        appender.setContext(context);
        appender.start();
        return appender;
    }

    private ILoggingEvent event(String message, int argument) {
        return new LoggingEvent(Logger.class.getName(), logger, Level.INFO, message, null, new Object[] {argument});
    }

    /** Keeps what it is given; each event takes {@code delayMillis}, as a slow console would. */
    private static final class Collected extends AppenderBase<ILoggingEvent> {
        private final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();
        private final long delayMillis;
        private final CountDownLatch progress = new CountDownLatch(1);

        private Collected(long delayMillis) {
            this.delayMillis = delayMillis;
        }

        @Override
        protected void append(ILoggingEvent event) {
            if (delayMillis > 0) {
                try {
                    progress.await(delayMillis, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            events.add(event);
        }

        void awaitCount(int count) {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (events.size() < count) {
                assertThat(System.nanoTime()).as("%d events written", count).isLessThan(deadline);
                Thread.onSpinWait();
            }
        }
    }
}
