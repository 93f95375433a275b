package org.dreamdiary.bootstrap;

import org.slf4j.LoggerFactory;

/** Starts Dream Diary from environment variables and stops it gracefully on SIGTERM or Ctrl-C. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Config config;
        try {
            config = Config.fromEnvironment(System.getenv());
        } catch (ConfigException e) {
            System.err.println("dream-diary: cannot start: " + e.getMessage());
            System.exit(2);
            return;
        }
        // Must happen before the first logger exists: it picks the logback configuration.
        LogSetup.apply(config.logFormat());
        try {
            Application application = Application.start(config);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                application.close();
                LogSetup.flush();
            }, "graceful-shutdown"));
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(Main.class).error("Dream Diary failed to start", e);
            System.exit(1);
        }
    }
}
