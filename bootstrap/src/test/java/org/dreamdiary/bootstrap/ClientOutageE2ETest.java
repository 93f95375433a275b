package org.dreamdiary.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.dreamdiary.client.DreamDiaryClient;
import org.dreamdiary.client.call.RetryPolicy;
import org.dreamdiary.client.model.Dream;
import org.dreamdiary.client.model.DreamQuery;
import org.dreamdiary.client.model.NewDream;
import org.dreamdiary.client.model.NewUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java client across a database that stops and starts again under the running service: creates sent during the
 * outage are answered {@code 503}, retried under their idempotency keys, and each makes exactly one dream once the
 * database is back.
 */
class ClientOutageE2ETest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Pattern REFUSED_CREATES = Pattern.compile(
            "http_server_requests_seconds_count\\{[^}]*method=\"POST\",route=\"/api/v1/dreams\",status=\"503\"[^}]*} (\\d+)");
    private static final int CREATES = 4;

    @TempDir
    Path postgresDir;
    @TempDir
    Path dataDir;

    @Test
    void createsSentWhileTheDatabaseIsStoppedSucceedOnceEachWhenItStartsAgain() {
        try (OwnPostgres service = new OwnPostgres(postgresDir, dataDir, Map.of("DATABASE_POOL_SIZE", "4"));
             DreamDiaryClient client = DreamDiaryClient.builder(URI.create("http://127.0.0.1:" + service.application().port()))
                     .retryPolicy(new RetryPolicy(100, Duration.ofMillis(100), Duration.ofSeconds(1), PATIENCE))
                     .build()) {
            client.users().register(NewUser.of(Accounts.uniqueName("outage"), Accounts.PASSWORD)).execute();
            service.stopDatabase();

            List<CompletableFuture<Dream>> creates = IntStream.range(0, CREATES).mapToObj(n ->
                    client.dreams().create(NewDream.named("During the outage " + n)).executeAsync()).toList();
            awaitRefusedCreates(client, CREATES);
            service.startDatabase();

            List<String> created = creates.stream().map(CompletableFuture::join).map(Dream::name).sorted().toList();
            assertThat(created).containsExactly("During the outage 0", "During the outage 1", "During the outage 2",
                    "During the outage 3");
            assertThat(client.dreams().all(DreamQuery.all()).map(Dream::name).sorted())
                    .as("one dream per logical call, whatever the sends").containsExactlyElementsOf(created);
        }
    }

    /** Waits until the service has refused at least {@code count} creates with a 503, as its metrics count them. */
    private static void awaitRefusedCreates(DreamDiaryClient client, int count) {
        long giveUp = System.nanoTime() + PATIENCE.toNanos();
        while (refusedCreates(client.operations().metrics().execute()) < count) {
            assertThat(System.nanoTime()).as("waited for %s refused creates", count).isLessThan(giveUp);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static long refusedCreates(String metrics) {
        Matcher refused = REFUSED_CREATES.matcher(metrics);
        return refused.find() ? (long) Double.parseDouble(refused.group(1)) : 0;
    }
}
