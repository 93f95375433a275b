package org.dreamdiary.bootstrap;

import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.dreamdiary.adapter.http.HttpApi;
import org.dreamdiary.adapter.http.ops.ApiDocsRoutes;
import org.dreamdiary.adapter.http.ops.HealthRoutes;
import org.dreamdiary.adapter.http.ops.MetricsRoute;
import org.dreamdiary.adapter.http.ops.ServiceInfo;
import org.dreamdiary.adapter.persistence.JdbiDatabaseProbe;
import org.dreamdiary.application.service.CheckDatabaseHealthService;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole object graph, built by hand in one place: database → storage adapters → use cases → routes.
 * Reading {@link #start} tells what the service is made of.
 */
public final class Application implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Application.class);

    private final Database database;
    private final JvmGcMetrics gcMetrics;
    private final HttpApi http;

    private Application(Database database, JvmGcMetrics gcMetrics, HttpApi http) {
        this.database = database;
        this.gcMetrics = gcMetrics;
        this.http = http;
    }

    public static Application start(Config config) {
        Instant startedAt = Instant.now();
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        JvmGcMetrics gcMetrics = bindJvmMetrics(metrics);

        Database database = Database.open(config, metrics);
        try {
            Migrations.migrate(database.dataSource());
            Jdbi jdbi = Jdbi.create(database.dataSource());

            var checkDatabaseHealth = new CheckDatabaseHealthService(new JdbiDatabaseProbe(jdbi));

            HttpApi http = new HttpApi(metrics, config.shutdownGrace(), List.of(
                    new HealthRoutes(checkDatabaseHealth, ServiceInfo.of(version(), startedAt)),
                    new MetricsRoute(metrics),
                    new ApiDocsRoutes()));
            http.start("0.0.0.0", config.port());
            LOG.info("Dream Diary is listening on port {} ({} ms after start)", http.port(),
                    Instant.now().toEpochMilli() - startedAt.toEpochMilli());
            return new Application(database, gcMetrics, http);
        } catch (RuntimeException e) {
            database.close();
            gcMetrics.close();
            throw e;
        }
    }

    public int port() {
        return http.port();
    }

    public HttpApi http() {
        return http;
    }

    /** Graceful stop: no new connections, requests in flight finish (bounded), then the pool and the database close. */
    @Override
    public void close() {
        LOG.info("stopping: finishing requests in flight");
        try {
            http.stop();
        } finally {
            database.close();
            gcMetrics.close();
            LOG.info("stopped");
        }
    }

    private static JvmGcMetrics bindJvmMetrics(PrometheusMeterRegistry metrics) {
        new ClassLoaderMetrics().bindTo(metrics);
        new JvmMemoryMetrics().bindTo(metrics);
        new JvmThreadMetrics().bindTo(metrics);
        new ProcessorMetrics().bindTo(metrics);
        new UptimeMetrics().bindTo(metrics);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(metrics);
        return gc;
    }

    private static String version() {
        Properties build = new Properties();
        try (InputStream in = Application.class.getResourceAsStream("/dream-diary-build.properties")) {
            if (in == null) {
                throw new IllegalStateException("dream-diary-build.properties is missing from the bootstrap module");
            }
            build.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return build.getProperty("version");
    }
}
