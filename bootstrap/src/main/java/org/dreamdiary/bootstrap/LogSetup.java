package org.dreamdiary.bootstrap;

import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/**
 * Chooses the logback configuration for {@code LOG_FORMAT}: human-readable lines, or one JSON object per line. Both
 * write the access log through a queue, off the request's thread; {@link #flush()} writes out what is queued.
 */
final class LogSetup {
    private LogSetup() {
    }

    static void apply(Config.LogFormat format) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile",
                    format == Config.LogFormat.JSON ? "logback-json.xml" : "logback-text.xml");
        }
    }

    /** Stops logging, once the service has stopped, so that the queued access log lines are written before exit. */
    static void flush() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.stop();
        }
    }
}
