package org.dreamdiary.testsupport;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Captures what a logger (and its children) writes while a test runs, as the lines an operator would read:
 * the formatted message, the logging context and the stack trace text.
 */
public final class LogCapture implements AutoCloseable {
    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Map<Logger, Level> previousLevels = new HashMap<>();

    private LogCapture(String loggerName) {
        this.logger = (Logger) LoggerFactory.getLogger(loggerName);
        // Everything the service could log in production, whatever the test configuration keeps quiet:
        // the captured logger and every descendant with a level of its own log at INFO (production's level) for a while.
        String prefix = logger.getName() + ".";
        for (Logger each : logger.getLoggerContext().getLoggerList()) {
            boolean inside = each == logger || logger.getName().equals(Logger.ROOT_LOGGER_NAME) || each.getName().startsWith(prefix);
            if (inside && (each == logger || each.getLevel() != null)) {
                previousLevels.put(each, each.getLevel());
                each.setLevel(Level.INFO);
            }
        }
        appender.start();
        logger.addAppender(appender);
    }

    /** Captures the named logger; {@code Logger.ROOT_LOGGER_NAME} ("ROOT") captures everything. */
    public static LogCapture of(String loggerName) {
        return new LogCapture(loggerName);
    }

    public List<Line> lines() {
        synchronized (appender) {
            return appender.list.stream().map(event -> new Line(event.getLevel().toString(), event.getFormattedMessage(),
                    Map.copyOf(event.getMDCPropertyMap()),
                    event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()))).toList();
        }
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        previousLevels.forEach(Logger::setLevel);
        appender.stop();
    }

    /** One captured log event. */
    public record Line(String level, String message, Map<String, String> context, String stackTrace) {
        /** Everything the line would show, for searching it. */
        public String fullText() {
            return level + " " + message + " " + context + " " + stackTrace;
        }
    }
}
