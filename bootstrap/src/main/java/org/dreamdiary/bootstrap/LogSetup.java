package org.dreamdiary.bootstrap;

/** Chooses the logback configuration for {@code LOG_FORMAT}: human-readable lines, or one JSON object per line. */
final class LogSetup {
    private LogSetup() {
    }

    static void apply(Config.LogFormat format) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile",
                    format == Config.LogFormat.JSON ? "logback-json.xml" : "logback-text.xml");
        }
    }
}
