package org.dreamdiary.bootstrap;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
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
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.dreamdiary.adapter.http.HttpApi;
import org.dreamdiary.adapter.http.ops.ApiDocsRoutes;
import org.dreamdiary.adapter.http.ops.HealthRoutes;
import org.dreamdiary.adapter.http.ops.MetricsRoute;
import org.dreamdiary.adapter.http.ops.ServiceInfo;
import org.dreamdiary.adapter.http.attachment.AttachmentRoutes;
import org.dreamdiary.adapter.http.auth.Authentication;
import org.dreamdiary.adapter.http.chat.ChatRoutes;
import org.dreamdiary.adapter.http.chat.LiveChatRoutes;
import org.dreamdiary.adapter.http.chat.MessageRoutes;
import org.dreamdiary.adapter.http.idempotency.IdempotentPosts;
import org.dreamdiary.adapter.http.network.ClientAddresses;
import org.dreamdiary.adapter.http.ratelimit.RateLimiting;
import org.dreamdiary.adapter.http.request.MultipartUploads;
import org.dreamdiary.adapter.http.routing.RouteGroup;
import org.dreamdiary.adapter.http.diary.DiaryRoutes;
import org.dreamdiary.adapter.http.planning.DreamRoutes;
import org.dreamdiary.adapter.http.planning.GoalRoutes;
import org.dreamdiary.adapter.http.planning.TaskRoutes;
import org.dreamdiary.adapter.http.security.BcryptPasswordHasher;
import org.dreamdiary.adapter.http.security.JwtTokenIssuer;
import org.dreamdiary.adapter.http.user.TokenRoutes;
import org.dreamdiary.adapter.http.user.UserRoutes;
import org.dreamdiary.adapter.persistence.TimeOrderedIds;
import org.dreamdiary.application.port.out.Clock;
import org.dreamdiary.application.port.out.Storage;
import org.dreamdiary.application.service.attachment.AttachmentService;
import org.dreamdiary.application.service.AttachmentReferences;
import org.dreamdiary.application.service.AccountService;
import org.dreamdiary.application.service.CheckDatabaseHealthService;
import org.dreamdiary.application.service.OrphanContent;
import org.dreamdiary.application.service.Purge;
import org.dreamdiary.application.service.RequestRateLimiter;
import org.dreamdiary.application.service.chat.ChatService;
import org.dreamdiary.application.service.chat.LiveChatService;
import org.dreamdiary.application.service.chat.MessageService;
import org.dreamdiary.application.service.diary.DiaryService;
import org.dreamdiary.application.service.idempotency.IdempotencyService;
import org.dreamdiary.application.service.planning.DreamService;
import org.dreamdiary.application.service.planning.GoalService;
import org.dreamdiary.application.service.planning.TaskService;
import org.dreamdiary.application.service.user.ActiveSessionCache;
import org.dreamdiary.application.service.user.LiveSessionService;
import org.dreamdiary.application.service.user.LoginThrottle;
import org.dreamdiary.application.service.user.RegistrationThrottle;
import org.dreamdiary.application.service.user.SessionService;
import org.dreamdiary.application.service.user.SessionTokens;
import org.dreamdiary.application.service.user.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole object graph, built by hand in one place: database → storage adapters → use cases → routes.
 * Reading {@link #start} tells what the service is made of.
 */
public final class Application implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Application.class);

    /** How often a live socket is pinged, so that idle connections stay open through proxies. */
    private static final Duration LIVE_PING = Duration.ofSeconds(30);
    /** How long start-up waits for the chat-event listener before serving anyway. */
    private static final Duration LISTENER_PATIENCE = Duration.ofSeconds(5);
    /** Sessions found live that a node remembers (about 200 bytes each), so that their requests need no lookup. */
    private static final int SESSIONS_REMEMBERED = 100_000;
    /** How often this node shares its request counts (the overshoot bound of RequestRateLimiter grows with it). */
    private static final Duration RECONCILE_EVERY = Duration.ofSeconds(1);
    private static final Duration PURGE_EVERY = Duration.ofMinutes(1);
    /** Sessions and refresh tokens are deleted this long after they ended, well clear of any request still using them. */
    private static final Duration ENDED_GRACE = Duration.ofHours(1);
    /** Attempts older than the longest attempt window (registrations: an hour) count for nothing. */
    private static final Duration ATTEMPTS_KEPT = Duration.ofHours(1);
    /** Request counts of windows before the previous minute are never read again. */
    private static final Duration REQUEST_COUNTS_KEPT = Duration.ofMinutes(2);
    /** Under the data directory: uploads being received, spooled to disk until stored. */
    private static final String UPLOAD_SPOOL = "upload-spool";

    private final StorageBackend backend;
    private final JvmGcMetrics gcMetrics;
    private final HttpApi http;
    private final LiveChatRoutes live;
    private final BackgroundJobs jobs;

    private Application(StorageBackend backend, JvmGcMetrics gcMetrics, HttpApi http, LiveChatRoutes live,
                        BackgroundJobs jobs) {
        this.backend = backend;
        this.gcMetrics = gcMetrics;
        this.http = http;
        this.live = live;
        this.jobs = jobs;
    }

    public static Application start(Config config) {
        return start(config, UnaryOperator.identity());
    }

    /** As {@link #start(Config)}, with the pool the storage adapters use as {@code pool} decorates it. */
    static Application start(Config config, UnaryOperator<DataSource> pool) {
        Instant startedAt = Instant.now();
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        // Binding the JVM's meters is mostly loading their classes: it runs beside the wiring, on another core.
        CompletableFuture<JvmGcMetrics> jvmMetrics = CompletableFuture.supplyAsync(() -> bindJvmMetrics(metrics),
                binding -> new Thread(binding, "jvm-metrics").start());
        StorageBackend backend = StorageBackend.open(config, metrics, pool);
        try {
            Storage storage = backend.storage();
            Clock clock = () -> Instant.now().truncatedTo(ChronoUnit.MILLIS);
            var transactions = storage.transactions();
            var ids = new TimeOrderedIds();

            // storage
            var users = storage.users();
            var sessions = storage.sessions();
            var attachmentsStore = storage.attachments();
            var blobs = storage.blobs();
            // security
            var hasher = new BcryptPasswordHasher();
            var tokenIssuer = new JwtTokenIssuer(JwtSecret.resolve(config), config.accessTokenLifetime());
            var sessionTokens = new SessionTokens(sessions, tokenIssuer, ids);
            var attempts = storage.attempts();
            var throttle = new LoginThrottle(attempts, transactions);
            var registrationThrottle = new RegistrationThrottle(attempts, transactions, config.limits().registrationsPerHour());
            var clientAddresses = ClientAddresses.trusting(config.limits().trustedProxies());
            var requestCounts = storage.requestCounts();
            var messagesStore = storage.messages();
            var chatEvents = storage.chatEvents();
            var activeSessions = new ActiveSessionCache(sessions, storage.sessionEvents(), transactions, clock,
                    SESSIONS_REMEMBERED);
            // what this node's use cases end, it forgets as they commit
            var sessionEvents = activeSessions.events();
            var sessionService = new SessionService(users, sessions, sessionEvents, hasher, sessionTokens, throttle,
                    tokenIssuer, activeSessions, transactions, clock);
            var authentication = new Authentication(sessionService);
            // use cases
            var checkDatabaseHealth = new CheckDatabaseHealthService(storage.probe());
            var dreamsStore = storage.dreams();
            var goalsStore = storage.goals();
            var tasksStore = storage.tasks();
            var diaryStore = storage.diaryEntries();
            var attachmentReferences = new AttachmentReferences(attachmentsStore);
            var userService = new UserService(users, sessions, sessionEvents, hasher, sessionTokens, registrationThrottle,
                    throttle, attachmentReferences, transactions, clock, ids);
            var dreams = new DreamService(dreamsStore, attachmentReferences, transactions, clock, ids);
            var goals = new GoalService(goalsStore, dreamsStore, transactions, clock, ids);
            var tasks = new TaskService(tasksStore, goalsStore, attachmentReferences, transactions, clock, ids);
            var diary = new DiaryService(diaryStore, goalsStore, attachmentReferences, transactions, clock, ids);
            var chatsStore = storage.chats();
            var chats = new ChatService(chatsStore, users, chatEvents, transactions, clock, ids);
            var messages = new MessageService(chatsStore, messagesStore, chatEvents, transactions, clock, ids);
            var liveChats = new LiveChatService(chatsStore, chatEvents, config.limits().liveSocketsPerUser());
            var live = new LiveChatRoutes(liveChats, new LiveSessionService(sessions, sessionEvents, clock), authentication,
                    config.corsOrigins(), LIVE_PING);
            var account = new AccountService(users, storage.accountRecords(), chatsStore, chatEvents, sessionEvents,
                    attachmentsStore, blobs, transactions, clock);
            var idempotency = new IdempotencyService(storage.idempotencyRecords(), transactions, clock);
            var attachments = new AttachmentService(attachmentsStore, blobs, transactions, clock, ids);
            var uploads = new MultipartUploads(config.dataDir().resolve(UPLOAD_SPOOL), config.uploads().maxBytes());

            List<RouteGroup> groups = new ArrayList<>();
            Optional<RequestRateLimiter> limiter = Optional.of(config.limits().requestsPerMinute())
                    .filter(limit -> limit > 0)
                    .map(limit -> new RequestRateLimiter(requestCounts, tokenIssuer, clock, limit));
            // first: its check of a WebSocket upgrade must come before the live route's
            limiter.ifPresent(requests -> groups.add(new RateLimiting(requests, clientAddresses)));
            var purge = new Purge(List.of(
                    new Purge.Task("ended sessions", (now, max) -> sessions.purgeEnded(now.minus(ENDED_GRACE), max)),
                    new Purge.Task("expired refresh tokens",
                            (now, max) -> sessions.purgeExpiredRefreshTokens(now.minus(ENDED_GRACE), max)),
                    new Purge.Task("old attempts", (now, max) -> attempts.forgetOlderThan(now.minus(ATTEMPTS_KEPT), max)),
                    new Purge.Task("old request counts",
                            (now, max) -> requestCounts.forgetBefore(now.minus(REQUEST_COUNTS_KEPT), max)),
                    new Purge.Task("expired idempotency keys", idempotency::purgeExpired),
                    new Purge.Task("content without metadata", new OrphanContent(attachmentsStore, blobs, transactions))),
                    clock);
            groups.addAll(List.of(
                    new HealthRoutes(checkDatabaseHealth, ServiceInfo.of(version(), startedAt)),
                    new MetricsRoute(metrics),
                    new ApiDocsRoutes(),
                    new TokenRoutes(sessionService, sessionService, sessionService, authentication, clientAddresses),
                    new UserRoutes(userService, userService, userService, userService, userService, userService,
                            account, account, authentication, clientAddresses),
                    new DreamRoutes(dreams, dreams, dreams, dreams, dreams, goals, goals, authentication),
                    new GoalRoutes(goals, goals, goals, goals, goals, authentication),
                    new TaskRoutes(tasks, tasks, tasks, tasks, tasks, tasks, authentication),
                    new DiaryRoutes(diary, diary, diary, diary, diary, diary, authentication),
                    new AttachmentRoutes(attachments, attachments, attachments, attachments, attachments, attachments,
                            uploads, authentication),
                    new ChatRoutes(chats, chats, chats, chats, chats, chats, chats, chats, authentication),
                    new MessageRoutes(messages, messages, messages, messages, messages, messages, authentication),
                    live));
            HttpApi http = new HttpApi(metrics, config.shutdownGrace(), config.requestBodyTimeout(),
                    new IdempotentPosts(idempotency, authentication, uploads), config.corsOrigins(), groups);
            Gauge.builder("dreamdiary.live.subscriptions", liveChats, LiveChatService::subscriptions)
                    .description("live chat sockets subscribed on this node").register(metrics);
            FunctionCounter.builder("dreamdiary.session.checks", activeSessions, ActiveSessionCache::answeredFromMemory)
                    .tag("answered_by", "memory")
                    .description("access tokens whose session this node knew live without a lookup").register(metrics);
            FunctionCounter.builder("dreamdiary.session.checks", activeSessions, ActiveSessionCache::answeredFromDatabase)
                    .tag("answered_by", "database")
                    .description("access tokens whose session this node looked up in the database").register(metrics);
            Gauge.builder("dreamdiary.chat.events.listening", storage, store -> store.listening() ? 1 : 0)
                    .description("1 while this node listens for chat events of the other nodes").register(metrics);
            // listening before serving, so that no socket opened on this node misses an event
            backend.awaitReady();
            storage.start(LISTENER_PATIENCE);
            JvmGcMetrics gcMetrics = jvmMetrics.join();
            BackgroundJobs jobs = new BackgroundJobs();
            limiter.ifPresent(requests -> jobs.every(RECONCILE_EVERY, RECONCILE_EVERY, "sharing request counts",
                    requests::reconcile));
            jobs.every(PURGE_EVERY, PURGE_EVERY, "purging expired records", purge::runOnce);
            try {
                http.start("0.0.0.0", config.port());
            } catch (RuntimeException e) {
                jobs.close();
                throw e;
            }
            LOG.info("Dream Diary is listening on port {} ({} ms after start), data in {}", http.port(),
                    Instant.now().toEpochMilli() - startedAt.toEpochMilli(), backend.describe());
            return new Application(backend, gcMetrics, http, live, jobs);
        } catch (RuntimeException e) {
            backend.close();
            jvmMetrics.thenAccept(JvmGcMetrics::close);
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
            live.close();
            http.stop();
            jobs.close();
        } finally {
            backend.close();
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
