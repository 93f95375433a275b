package org.dreamdiary.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** The logging a started service gets: its line formats, the queued access log and the libraries' levels. */
class LogSetupTest {
    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

    /** Gives the rest of the suite its own configuration back. */
    @AfterEach
    void restoreTheTestConfiguration() throws Exception {
        System.clearProperty("logback.configurationFile");
        context.reset();
        new ContextInitializer(context).autoConfig();
    }

    @Test
    void givenTextLogs_whenALineIsWritten_thenItCarriesTheTimeLevelThreadLoggerAndRequestIds() {
        LogSetup.apply(Config.LogFormat.TEXT);

        String line = consoleLine(Level.INFO, "org.dreamdiary.bootstrap.Example", "started in {} ms", 42);

        assertThat(line).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z INFO  \\[" + Pattern.quote(Thread.currentThread().getName()) + "\\] "
                + "o\\.dreamdiary\\.bootstrap\\.Example request_id=r-1 user_id=- started in 42 ms\\R");
    }

    @Test
    void givenJsonLogs_whenALineIsWritten_thenItIsOneObjectWithTheFormattedMessageAndTheRequestId() throws Exception {
        LogSetup.apply(Config.LogFormat.JSON);

        String line = consoleLine(Level.WARN, "org.dreamdiary.bootstrap.Example", "started in {} ms", 42);

        assertThat(line).endsWith("\n").doesNotContain("\n\n");
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.get("level").asText()).isEqualTo("WARN");
        assertThat(json.get("loggerName").asText()).isEqualTo("org.dreamdiary.bootstrap.Example");
        assertThat(json.get("formattedMessage").asText()).isEqualTo("started in 42 ms");
        assertThat(json.get("mdc").get("request_id").asText()).isEqualTo("r-1");
        assertThat(json.has("message")).isFalse();
        assertThat(json.has("arguments")).isFalse();
        assertThat(json.has("sequenceNumber")).isFalse();
    }

    @Test
    void givenEitherFormat_whenConfigured_thenTheAccessLogGoesOnlyThroughAQueueThatDropsNothing() {
        for (Config.LogFormat format : Config.LogFormat.values()) {
            LogSetup.apply(format);

            Logger access = context.getLogger("org.dreamdiary.access");
            assertThat(access.isAdditive()).as(format.name()).isFalse();
            List<Appender<ILoggingEvent>> appenders = appenders(access);
            assertThat(appenders).hasSize(1).first().isInstanceOf(BatchingAppender.class);
            assertThat(appenders.get(0).isStarted()).isTrue();
        }
    }

    @Test
    void givenQueuedAccessLines_whenLoggingIsFlushed_thenTheyAreWrittenToTheConsoleBeforeItStops() {
        LogSetup.apply(Config.LogFormat.TEXT);
        OutputStreamAppender<ILoggingEvent> console = (OutputStreamAppender<ILoggingEvent>) root().getAppender("console");
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        console.setOutputStream(written);

        for (int i = 0; i < 100; i++) {
            context.getLogger("org.dreamdiary.access").info("GET /health 200 request {}", i);
        }
        LogSetup.flush();

        List<String> lines = written.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(100);
        assertThat(lines.get(99)).endsWith("GET /health 200 request 99");
    }

    @Test
    void givenTheConfiguration_whenLibrariesLog_thenOnlyTheirWarningsPass() {
        LogSetup.apply(Config.LogFormat.TEXT);

        assertThat(root().getLevel()).isEqualTo(Level.INFO);
        assertThat(context.getLogger("org.dreamdiary.bootstrap.Example").isInfoEnabled()).isTrue();
        for (String library : List.of("org.eclipse.jetty.server.Server", "io.javalin.Javalin", "org.flywaydb.core.Flyway",
                "com.zaxxer.hikari.HikariDataSource", "io.zonky.test.db.postgres.embedded.EmbeddedPostgres")) {
            Logger logger = context.getLogger(library);
            assertThat(logger.isInfoEnabled()).as(library).isFalse();
            assertThat(logger.isWarnEnabled()).as(library).isTrue();
        }
        assertThat(context.getLogger("org.eclipse.jetty.server.HttpConnection").isWarnEnabled()).isFalse();
        assertThat(context.getLogger("org.eclipse.jetty.server.HttpConnection").isErrorEnabled()).isTrue();
    }

    @Test
    void givenAnOperatorsOwnLogbackFile_whenConfigured_thenItIsLeftInPlace() {
        List<Appender<ILoggingEvent>> before = appenders(root());
        assertThat(before).isNotEmpty();
        System.setProperty("logback.configurationFile", "operators-own.xml");

        LogSetup.apply(Config.LogFormat.JSON);

        assertThat(appenders(root())).isEqualTo(before);
    }

    private Logger root() {
        return context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    /** What the console appender writes for an event, encoded as it would be, with the request id r-1 in the MDC. */
    private String consoleLine(Level level, String loggerName, String message, Object argument) {
        MDC.put("request_id", "r-1");
        try {
            LoggingEvent event = new LoggingEvent(Logger.class.getName(), context.getLogger(loggerName), level, message,
                    null, new Object[] {argument});
            event.prepareForDeferredProcessing();
            OutputStreamAppender<ILoggingEvent> console =
                    (OutputStreamAppender<ILoggingEvent>) root().getAppender("console");
            assertThat(console.isStarted()).isTrue();
            return new String(console.getEncoder().encode(event), StandardCharsets.UTF_8);
        } finally {
            MDC.remove("request_id");
        }
    }

    private static List<Appender<ILoggingEvent>> appenders(Logger logger) {
        List<Appender<ILoggingEvent>> all = new ArrayList<>();
        logger.iteratorForAppenders().forEachRemaining(all::add);
        return all;
    }
}
