package org.dreamdiary.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dreamdiary.bootstrap.PackagedService.freePort;
import static org.dreamdiary.bootstrap.PackagedService.launch;
import static org.dreamdiary.bootstrap.PackagedService.waitUntilHealthy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.dreamdiary.adapter.http.ops.ApiDocsRoutes;
import org.dreamdiary.bootstrap.DreamWriters.Attempt;
import org.dreamdiary.bootstrap.DreamWriters.Fate;
import org.dreamdiary.testsupport.http.ApiClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default keeps what it acknowledged. The packaged service (a separate process on the module path,
 * no {@code DATABASE_URL}, a temporary {@code DATA_DIR}) takes dreams from several clients at once and is
 * crashed or stopped mid-load; after a restart on the same {@code DATA_DIR} every dream answered {@code 201} is
 * there.
 */
class DurabilityUnderLoadIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WRITERS = 6;
    /** The blow falls once this many dreams are acknowledged, while the writers keep writing. */
    private static final int ACKNOWLEDGED_BEFORE_THE_BLOW = 150;
    private static final Duration PATIENCE = Duration.ofSeconds(120);

    @TempDir
    Path work;

    @Test
    void givenTheEmbeddedDefaultUnderLoad_whenTheServiceAndItsPostgresAreKilled_thenEveryAcknowledgedDreamIsThereAfterARestart()
            throws Exception {
        Path dataDir = work.resolve("data");
        int port = freePort();
        Process service = launch(work.resolve("service.log"), Map.of("PORT", Integer.toString(port), "DATA_DIR", dataDir.toString()));
        List<Attempt> attempts;
        try {
            waitUntilHealthy(service, port);
            DreamWriters writers = DreamWriters.start(port, signedInUsers(port));
            writers.awaitAcknowledged(ACKNOWLEDGED_BEFORE_THE_BLOW, PATIENCE);

            ProcessHandle postmaster = ProcessHandle.of(postmasterPid(dataDir)).orElseThrow();
            List<ProcessHandle> killed = new ArrayList<>(Stream.concat(Stream.of(postmaster), postmaster.descendants()).toList());
            killed.add(service.toHandle());
            killed.forEach(ProcessHandle::destroyForcibly);
            for (ProcessHandle process : killed) {
                process.onExit().get(30, TimeUnit.SECONDS);
            }
            attempts = writers.stop();
        } finally {
            service.destroyForcibly();
        }
        assertThat(dataDir.resolve("postgres/postmaster.pid")).as("PostgreSQL crashed rather than stopped").exists();

        Map<String, Map<String, String>> afterRestart = dreamsAfterRestart(dataDir, attempts);

        Set<String> acknowledged = acknowledgedIds(attempts);
        Set<String> lost = new HashSet<>(acknowledged);
        afterRestart.values().forEach(dreams -> lost.removeAll(dreams.values()));
        System.out.printf("kill -9 of the service and its PostgreSQL under load: %s; %d acknowledged, %d of them "
                        + "present after the restart, %d lost%n",
                fates(attempts), acknowledged.size(), acknowledged.size() - lost.size(), lost.size());
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_THE_BLOW);
        assertThat(lost).as("acknowledged dreams missing after the restart").isEmpty();
    }

    /**
     * What counts as a failed request. A request the server accepted — it began to handle it — must be answered
     * with a 2xx. So a failure is (a) a whole response with any other status, or (b) a request that got no whole
     * response although the server handled it: its dream exists after the restart, or the server's access log
     * has its request id. A request whose connection was refused, or dropped without any trace on the server
     * (connections still waiting in the listen queue are reset when the listener closes), was never accepted:
     * nothing happened, and the client may safely send it again. Jetty's own account rules out the last gap,
     * a request cut off mid-way: the graceful stop logs when its grace period ends with requests still running.
     */
    @Test
    void givenTheEmbeddedDefaultUnderLoad_whenSentSigterm_thenNoAcceptedRequestFailsItExitsWith143AndEveryAcknowledgedDreamIsThereAfterARestart()
            throws Exception {
        Path dataDir = work.resolve("data");
        Path output = work.resolve("service.log");
        int port = freePort();
        Process service = launch(output, Map.of("PORT", Integer.toString(port), "DATA_DIR", dataDir.toString(),
                "LOG_FORMAT", "json"));
        List<Attempt> attempts;
        int acknowledgedAtSigterm;
        try {
            waitUntilHealthy(service, port);
            DreamWriters writers = DreamWriters.start(port, signedInUsers(port));
            writers.awaitAcknowledged(ACKNOWLEDGED_BEFORE_THE_BLOW, PATIENCE);

            acknowledgedAtSigterm = writers.acknowledgedSoFar();
            service.destroy();
            assertThat(service.waitFor(60, TimeUnit.SECONDS)).as("exited after SIGTERM").isTrue();
            attempts = writers.stop();
        } finally {
            service.destroyForcibly();
        }
        assertThat(service.exitValue()).isEqualTo(143);
        Set<String> handledBeforeTheStop = accessLoggedRequestIds(output);

        Map<String, Map<String, String>> afterRestart = dreamsAfterRestart(dataDir, attempts);

        List<Attempt> failed = attempts.stream()
                .filter(attempt -> attempt.fate() == Fate.ANSWERED ? !attempt.acknowledged()
                        : afterRestart.get(attempt.bearer()).containsKey(attempt.name())
                        || handledBeforeTheStop.contains(attempt.requestId()))
                .toList();
        Set<String> acknowledged = acknowledgedIds(attempts);
        Set<String> lost = new HashSet<>(acknowledged);
        afterRestart.values().forEach(dreams -> lost.removeAll(dreams.values()));
        System.out.printf("SIGTERM under load: %s; %d acknowledged (%d after the SIGTERM), %d failed, %d lost after "
                        + "the restart%n",
                fates(attempts), acknowledged.size(), acknowledged.size() - acknowledgedAtSigterm, failed.size(), lost.size());
        assertThat(failed).as("requests the server accepted but did not answer with a 2xx").isEmpty();
        assertThat(lost).as("acknowledged dreams missing after the restart").isEmpty();
        assertThat(Files.readString(output, StandardCharsets.UTF_8)).as("no request was cut off").doesNotContain("cut off");
    }

    /** One freshly registered user per writer, as {@code Authorization} values. */
    private static List<String> signedInUsers(int port) {
        ApiClient api = api(port);
        return IntStream.range(0, WRITERS).parallel()
                .mapToObj(i -> Accounts.bearer(Accounts.register(api, Accounts.uniqueName("writer"))))
                .toList();
    }

    /** Restarts the service on the same data directory and reads every writer's dreams: name → id, per bearer. */
    private Map<String, Map<String, String>> dreamsAfterRestart(Path dataDir, List<Attempt> attempts) throws Exception {
        int port = freePort();
        Process restarted = launch(work.resolve("restart.log"), Map.of("PORT", Integer.toString(port), "DATA_DIR", dataDir.toString()));
        try {
            long readyMillis = waitUntilHealthy(restarted, port);
            System.out.printf("restart on the same DATA_DIR to ready: %d ms%n", readyMillis);
            ApiClient api = api(port);
            Map<String, Map<String, String>> dreams = new HashMap<>();
            for (String bearer : attempts.stream().map(Attempt::bearer).collect(Collectors.toSet())) {
                dreams.put(bearer, dreamsOf(api, bearer));
            }
            return dreams;
        } finally {
            restarted.destroy();
            restarted.waitFor(60, TimeUnit.SECONDS);
        }
    }

    private static Map<String, String> dreamsOf(ApiClient api, String bearer) {
        Map<String, String> idsByName = new HashMap<>();
        for (int page = 1; ; page++) {
            var response = api.get("/api/v1/dreams?per_page=100&page=" + page, "Authorization", bearer);
            assertThat(response.status()).as(response.text()).isEqualTo(200);
            JsonNode items = response.json().get("items");
            if (items.isEmpty()) {
                return idsByName;
            }
            items.forEach(dream -> idsByName.put(dream.get("name").asText(), dream.get("id").asText()));
        }
    }

    private static Set<String> acknowledgedIds(List<Attempt> attempts) {
        return attempts.stream().filter(Attempt::acknowledged).map(Attempt::dreamId).collect(Collectors.toSet());
    }

    /** Request ids of the requests the service finished and logged (LOG_FORMAT=json). */
    private static Set<String> accessLoggedRequestIds(Path output) throws Exception {
        Set<String> ids = new HashSet<>();
        for (String line : Files.readAllLines(output, StandardCharsets.UTF_8)) {
            JsonNode entry = JSON.readTree(line);
            if (entry.path("loggerName").asText().equals("org.dreamdiary.access")) {
                ids.add(entry.path("mdc").path("request_id").asText());
            }
        }
        return ids;
    }

    private static long postmasterPid(Path dataDir) throws Exception {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).strip());
    }

    private static String fates(List<Attempt> attempts) {
        Map<String, Long> counts = attempts.stream().collect(Collectors.groupingBy(
                attempt -> attempt.fate() == Fate.ANSWERED ? Integer.toString(attempt.status()) : attempt.fate().name().toLowerCase(),
                Collectors.counting()));
        return attempts.size() + " requests " + counts;
    }

    private static ApiClient api(int port) {
        return new ApiClient(URI.create("http://127.0.0.1:" + port), ApiDocsRoutes.document().toString());
    }
}
