package org.dreamdiary.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dreamdiary.bootstrap.Planning.quote;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.dreamdiary.adapter.http.ops.ApiDocsRoutes;
import org.dreamdiary.adapter.http.routing.Route;
import org.dreamdiary.bootstrap.Chats.User;
import org.dreamdiary.testsupport.http.ApiClient;
import org.dreamdiary.testsupport.http.ApiClient.ApiResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * API.md §1 "availability": PostgreSQL stops under a running service while clients keep sending requests. Every API
 * route then answers {@code 503} with {@code Retry-After} (authentication needs the database too, so even a valid
 * token gets a 503, not a 401), none answers {@code 500}, and each answers within a second once the outage is
 * known. PostgreSQL starts again on the same data directory and port, and the service recovers without a restart,
 * with everything written before the outage still there.
 */
class DatabaseOutageE2ETest {
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(1);
    private static final Duration KNOWN_WITHIN = Duration.ofSeconds(15);
    private static final Duration RECOVERED_WITHIN = Duration.ofSeconds(30);
    /** Routes that need no token: they authenticate by their body. */
    private static final Set<String> ANONYMOUS = Set.of(
            "POST /api/v1/users", "POST /api/v1/tokens", "POST /api/v1/tokens/refresh");

    @TempDir
    Path dataDir;
    @TempDir
    Path postgresDir;

    @Test
    void givenRequestsRunning_whenPostgresStopsAndStartsAgain_thenEveryApiRouteAnswers503FastAndTheServiceRecovers()
            throws Exception {
        EmbeddedPostgres postgres = startPostgres(0);
        int port = postgres.getPort();
        Application application = Application.start(Config.fromEnvironment(Map.of(
                "PORT", "0",
                "DATA_DIR", dataDir.toString(),
                "DATABASE_URL", postgres.getJdbcUrl("postgres", "postgres"),
                "DATABASE_USER", "postgres",
                "DATABASE_POOL_SIZE", "4",
                "SHUTDOWN_GRACE_SECONDS", "2",
                // the load below is one user's and one address's: no limit of theirs may answer before the outage does
                "RATE_LIMIT_PER_MINUTE", "1000000",
                "REGISTRATIONS_PER_HOUR", "1000000")));
        Load load = null;
        try {
            URI base = URI.create("http://127.0.0.1:" + application.port());
            ApiClient api = new ApiClient(base, ApiDocsRoutes.document().toString());
            World world = World.create(api);
            List<Call> calls = callsForEveryApiRoute(application, world);

            load = Load.start(base, world, 3);
            load.awaitRequests(30);

            postgres.close();
            load.outage.set(true);
            long stopped = System.nanoTime();
            awaitOutageKnown(api, world);
            long knownAfterMillis = millisSince(stopped);

            Map<String, Long> slowestMillis = new TreeMap<>();
            List<Long> allMillis = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (Call call : calls) {
                    long started = System.nanoTime();
                    ApiResponse response = call.send(api);
                    long took = millisSince(started);
                    assertServiceUnavailable(call.name(), response);
                    slowestMillis.merge(call.name(), took, Math::max);
                    allMillis.add(took);
                }
            }
            assertThat(api.get("/health").status()).isEqualTo(200);
            assertThat(api.get("/health/db").status()).isEqualTo(503);

            postgres = startPostgres(port);
            long restarted = System.nanoTime();
            ApiResponse dream = awaitRecovery(api, world);
            long recoveredAfterMillis = millisSince(restarted);
            load.outage.set(false);
            load.awaitRequests(load.requests.get() + 30);
            load.stop();

            assertThat(dream.json().get("name").asText()).isEqualTo(world.dreamName);
            // by its own route: the load's posts may have pushed it off the chat's first page
            JsonNode message = api.get("/api/v1/messages/" + world.message, "Authorization", world.ann.auth()).json();
            assertThat(message.get("text").asText()).isEqualTo(world.messageText);
            assertThat(api.get("/health/db").status()).isEqualTo(200);

            Collections.sort(allMillis);
            System.out.printf("database outage: known %d ms after the stop; %d routes x 3 rounds, latency median %d ms,"
                            + " max %d ms (slowest route %s); recovered %d ms after the restart; load: %d requests,"
                            + " %d during the outage, %d answered 503, %d answered 500%n",
                    knownAfterMillis, calls.size(), allMillis.get(allMillis.size() / 2), allMillis.get(allMillis.size() - 1),
                    slowest(slowestMillis), recoveredAfterMillis, load.requests.get(), load.duringOutage.get(),
                    load.unavailable.get(), load.serverErrors.get());
            System.out.println("database outage: slowest answer per route (ms): " + slowestMillis);
            assertThat(slowestMillis).allSatisfy((route, millis) ->
                    assertThat(millis).as("slowest answer of %s during the known outage", route)
                            .isLessThan(ANSWER_WITHIN.toMillis()));
            assertThat(load.failures).as("requests of the clients that failed").isEmpty();
            assertThat(load.serverErrors.get()).as("500s").isZero();
            assertThat(load.duringOutage.get()).isPositive();
            assertThat(load.unavailable.get()).isPositive();
        } finally {
            if (load != null) {
                load.stop();
            }
            application.close();
            postgres.close();
        }
    }

    private EmbeddedPostgres startPostgres(int port) throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(postgresDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .start();
    }

    private static void assertServiceUnavailable(String call, ApiResponse response) {
        assertThat(response.status()).as("%s: %s", call, response.text()).isEqualTo(503);
        assertThat(response.header("Content-Type")).as(call).startsWith("application/problem+json");
        assertThat(response.json().get("type").asText()).as(call).isEqualTo("/problems/service-unavailable");
        assertThat(Integer.parseInt(response.header("Retry-After"))).as("%s Retry-After", call).isPositive();
    }

    /** The first request that meets the outage may wait out the pool's connection timeout; this waits for it. */
    private static void awaitOutageKnown(ApiClient api, World world) {
        awaitResponse(api, () -> api.get("/api/v1/users/me", "Authorization", world.ann.auth()), 503, KNOWN_WITHIN);
    }

    private static ApiResponse awaitRecovery(ApiClient api, World world) {
        return awaitResponse(api, () -> api.get("/api/v1/dreams/" + world.dream, "Authorization", world.ann.auth()), 200,
                RECOVERED_WITHIN);
    }

    private static ApiResponse awaitResponse(ApiClient api, Supplier<ApiResponse> request, int status, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        ApiResponse last;
        do {
            last = request.get();
            if (last.status() == status) {
                return last;
            }
            assertThat(last.status()).as(last.text()).isIn(200, 503);
            Thread.onSpinWait();
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no " + status + " within " + patience + "; last answer " + last.status() + " " + last.text());
    }

    private static long millisSince(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos).toMillis();
    }

    private static String slowest(Map<String, Long> millis) {
        return millis.entrySet().stream().max(Map.Entry.comparingByValue())
                .map(entry -> entry.getKey() + " " + entry.getValue() + " ms").orElse("none");
    }

    /** One request per API route the server registers, each with real ids and a valid body. */
    private static List<Call> callsForEveryApiRoute(Application application, World world) {
        Map<String, String> bodies = world.bodies();
        List<Call> calls = new ArrayList<>();
        for (Route route : application.http().routes()) {
            if (!route.path().startsWith("/api/")) {
                continue;
            }
            String name = route.method() + " " + route.path();
            String body = bodies.get(name);
            if (Set.of("POST", "PUT", "PATCH").contains(route.method())) {
                assertThat(body).as("a valid body for %s in this test", name).isNotNull();
            }
            String auth = ANONYMOUS.contains(name) ? null : world.ann.auth();
            calls.add(new Call(name, route.method(), world.path(route.path()), body, auth));
        }
        assertThat(calls).hasSizeGreaterThan(40);
        return calls;
    }

    private record Call(String name, String method, String path, String body, String auth) {
        ApiResponse send(ApiClient api) {
            String[] headers = auth == null ? new String[0] : new String[] {"Authorization", auth};
            return body == null ? api.send(method, path, null, null, headers) : api.json(method, path, body, headers);
        }
    }

    /** What exists before the outage: two users, and one of everything Ann owns, shared with Bob where it can be. */
    private static final class World {
        final User ann;
        final User bob;
        final String annName;
        final String refreshToken;
        final String dream;
        final String dreamName = "Cross the Alps on foot";
        final String goal;
        final String task;
        final String entry;
        final String chat;
        final String message;
        final String messageText = "Written before the outage";
        final String attachment;

        private World(ApiClient api) {
            annName = Accounts.uniqueName("ann");
            JsonNode registered = Accounts.register(api, annName);
            ann = new User(registered.get("user").get("id").asText(), registered.get("access_token").asText(),
                    Accounts.bearer(registered));
            refreshToken = registered.get("refresh_token").asText();
            bob = Chats.user(api, "bob");
            dream = Chats.id(Planning.dream(api, ann.auth(), dreamName));
            goal = Chats.id(Planning.goalOf(api, ann.auth(), dream));
            task = Chats.id(Planning.task(api, ann.auth(), goal, "Buy boots"));
            entry = Chats.id(Planning.entry(api, ann.auth(), "{\"text\": \"Walked 20 km\", \"mood\": 4}"));
            chat = Chats.id(Chats.chat(api, ann, "Alps club", bob));
            message = Chats.id(Chats.message(api, ann, chat, messageText));
            ApiResponse picture = api.send("POST", "/api/v1/attachments", Uploads.CONTENT_TYPE,
                    Uploads.multipart("file", "alps.png", Uploads.png(8, 8)), "Authorization", ann.auth());
            assertThat(picture.status()).as(picture.text()).isEqualTo(201);
            attachment = Chats.id(picture.json());
        }

        static World create(ApiClient api) {
            return new World(api);
        }

        /** A route's template with this world's ids in it. */
        String path(String template) {
            String id = template.startsWith("/api/v1/dreams/") ? dream
                    : template.startsWith("/api/v1/goals/") ? goal
                    : template.startsWith("/api/v1/tasks/") ? task
                    : template.startsWith("/api/v1/diary/") ? entry
                    : template.startsWith("/api/v1/chats/") ? chat
                    : template.startsWith("/api/v1/messages/") ? message
                    : template.startsWith("/api/v1/attachments/") ? attachment
                    : bob.id();
            return template.replace("{id}", id).replace("{user_id}", bob.id());
        }

        /** A valid body for each route that takes one. */
        Map<String, String> bodies() {
            String text = "{\"text\": \"during the outage\"}";
            return Map.ofEntries(
                    Map.entry("POST /api/v1/users", "{\"username\": " + quote(Accounts.uniqueName("carol"))
                            + ", \"password\": " + quote(Accounts.PASSWORD) + "}"),
                    Map.entry("POST /api/v1/tokens", "{\"username\": " + quote(annName)
                            + ", \"password\": " + quote(Accounts.PASSWORD) + "}"),
                    Map.entry("POST /api/v1/tokens/refresh", "{\"refresh_token\": " + quote(refreshToken) + "}"),
                    Map.entry("PATCH /api/v1/users/me", "{\"full_name\": \"Ann Outage\"}"),
                    Map.entry("PUT /api/v1/users/me/password", "{\"current_password\": " + quote(Accounts.PASSWORD)
                            + ", \"new_password\": \"a brand new secret\"}"),
                    Map.entry("POST /api/v1/dreams", "{\"name\": \"during the outage\"}"),
                    Map.entry("PATCH /api/v1/dreams/{id}", "{\"name\": \"during the outage\"}"),
                    Map.entry("POST /api/v1/dreams/{id}/goals", "{}"),
                    Map.entry("POST /api/v1/goals", "{\"name\": \"during the outage\"}"),
                    Map.entry("PATCH /api/v1/goals/{id}", "{\"description\": \"during the outage\"}"),
                    Map.entry("POST /api/v1/goals/{id}/tasks", text),
                    Map.entry("PATCH /api/v1/tasks/{id}", "{\"done\": true}"),
                    Map.entry("POST /api/v1/diary", text),
                    Map.entry("PATCH /api/v1/diary/{id}", text),
                    Map.entry("POST /api/v1/chats", "{\"title\": \"during the outage\", \"member_ids\": []}"),
                    Map.entry("PATCH /api/v1/chats/{id}", "{\"title\": \"during the outage\"}"),
                    Map.entry("POST /api/v1/chats/{id}/members", "{\"user_id\": " + quote(bob.id()) + "}"),
                    Map.entry("POST /api/v1/chats/{id}/messages", text),
                    Map.entry("PATCH /api/v1/messages/{id}", text),
                    Map.entry("POST /api/v1/attachments", "{\"url\": \"https://example.org/during-the-outage\"}"));
        }
    }

    /**
     * Clients that keep reading and writing, each with a client of its own, through the outage and after it:
     * counts what they were answered, and keeps anything that was not a document-conforming answer.
     */
    private static final class Load {
        final AtomicBoolean outage = new AtomicBoolean();
        final AtomicInteger requests = new AtomicInteger();
        final AtomicInteger duringOutage = new AtomicInteger();
        final AtomicInteger unavailable = new AtomicInteger();
        final AtomicInteger serverErrors = new AtomicInteger();
        final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Thread> threads = new ArrayList<>();

        static Load start(URI base, World world, int clients) {
            Load load = new Load();
            for (int i = 0; i < clients; i++) {
                ApiClient api = new ApiClient(base, ApiDocsRoutes.document().toString());
                Thread thread = new Thread(() -> load.run(api, world), "outage-load-" + i);
                thread.setDaemon(true);
                load.threads.add(thread);
                thread.start();
            }
            return load;
        }

        private void run(ApiClient api, World world) {
            List<Supplier<ApiResponse>> requests = List.of(
                    () -> api.get("/api/v1/dreams", "Authorization", world.ann.auth()),
                    () -> api.json("POST", "/api/v1/diary", "{\"text\": \"under load\"}", "Authorization", world.ann.auth()),
                    () -> api.get("/api/v1/chats/" + world.chat + "/messages", "Authorization", world.bob.auth()),
                    () -> api.json("POST", "/api/v1/chats/" + world.chat + "/messages", "{\"text\": \"under load\"}",
                            "Authorization", world.bob.auth()));
            for (int i = 0; running.get(); i++) {
                boolean inOutage = outage.get();
                try {
                    ApiResponse response = requests.get(i % requests.size()).get();
                    count(response.status(), inOutage);
                } catch (AssertionError | RuntimeException e) {
                    failures.add(e.toString());
                }
            }
        }

        private void count(int status, boolean inOutage) {
            requests.incrementAndGet();
            if (inOutage) {
                duringOutage.incrementAndGet();
            }
            if (status == 503) {
                unavailable.incrementAndGet();
            } else if (status >= 500) {
                serverErrors.incrementAndGet();
            } else if (status >= 300) {
                failures.add("answered " + status);
            }
        }

        /** Waits, boundedly, until the clients have sent this many requests in all. */
        void awaitRequests(int total) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (requests.get() < total) {
                assertThat(System.nanoTime()).as("%d requests sent by the clients", total).isLessThan(deadline);
                Thread.onSpinWait();
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread thread : threads) {
                thread.join(Duration.ofSeconds(10).toMillis());
            }
        }
    }
}
