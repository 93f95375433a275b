package org.dreamdiary.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.time.Duration;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Configures logback for {@code LOG_FORMAT}: human-readable lines, or one JSON object per line. Both write the access
 * log through a queue, off the request's thread, a batch every {@value #ACCESS_LOG_INTERVAL_MILLIS} ms;
 * {@link #flush()} writes out what is queued.
 *
 * <p>The configuration is built in code rather than read from XML: parsing it took about a tenth of a second of
 * every start. An operator's own file, named by {@code -Dlogback.configurationFile}, still replaces it.
 */
final class LogSetup {
    /** Each line of a request carries its request id (and user id once known). */
    private static final String TEXT_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSS'Z',UTC} %-5level [%thread] %logger{30} "
            + "request_id=%X{request_id:--} user_id=%X{user_id:--} %msg%n";
    /**
     * Lines are never dropped, and requests wait for the console only when this many are queued.
     */
    private static final int ACCESS_LOG_QUEUE = 8192;
    private static final long ACCESS_LOG_INTERVAL_MILLIS = 50;
    private static final String ACCESS_LOGGER = "org.dreamdiary.access";
    private static final String ACCESS_APPENDER = "access";
    private static final Map<String, Level> LIBRARY_LEVELS = Map.of(
            "org.eclipse.jetty", Level.WARN,
            // A body that never arrives in full is answered 408 before its route runs; Jetty then warns "Pending
            // read in onCompleted" as it closes that connection. Expected, one line per stalling client: no warning.
            "org.eclipse.jetty.server.HttpConnection", Level.ERROR,
            "io.javalin", Level.WARN,
            "org.flywaydb", Level.WARN,
            "com.zaxxer.hikari", Level.WARN,
            "io.zonky", Level.WARN);

    private LogSetup() {
    }

    /** Must run before the first logger is used. */
    static void apply(Config.LogFormat format) {
        if (System.getProperty("logback.configurationFile") != null) {
            return;
        }
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();

        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("console");
        console.setEncoder(format == Config.LogFormat.JSON ? jsonLines(context) : textLines(context));
        console.start();

        BatchingAppender access = new BatchingAppender(console, ACCESS_LOG_QUEUE,
                Duration.ofMillis(ACCESS_LOG_INTERVAL_MILLIS));
        access.setContext(context);
        access.setName(ACCESS_APPENDER);
        access.start();
        Logger accessLog = context.getLogger(ACCESS_LOGGER);
        accessLog.setAdditive(false);
        accessLog.addAppender(access);

        LIBRARY_LEVELS.forEach((name, level) -> context.getLogger(name).setLevel(level));
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
    }

    /**
     * Stops logging, once the service has stopped, so that the queued access log lines are written before exit: the
     * access log's queue first, while the console it writes to still takes lines.
     */
    static void flush() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            var access = context.getLogger(ACCESS_LOGGER).getAppender(ACCESS_APPENDER);
            if (access != null) {
                access.stop();
            }
            context.stop();
        }
    }

    private static Encoder<ILoggingEvent> textLines(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(TEXT_PATTERN);
        encoder.start();
        return encoder;
    }

    /** One JSON object per line; the request id and user id are in its "mdc" member. */
    private static Encoder<ILoggingEvent> jsonLines(LoggerContext context) {
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        encoder.setWithContext(false);
        encoder.setWithMessage(false);
        encoder.setWithArguments(false);
        encoder.setWithFormattedMessage(true);
        encoder.start();
        return encoder;
    }
}
