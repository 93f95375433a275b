package org.dreamdiary.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.dreamdiary.client.DreamDiaryClient;
import org.dreamdiary.client.call.RetryPolicy;
import org.dreamdiary.client.model.Tokens;
import org.dreamdiary.client.error.ConnectionFailedException;
import org.dreamdiary.client.error.RateLimitedException;
import org.dreamdiary.client.model.Dream;
import org.dreamdiary.client.model.DreamQuery;
import org.dreamdiary.client.model.NewDream;
import org.dreamdiary.client.model.NewUser;
import org.junit.jupiter.api.Test;

/**
 * The Java client's retries against the running service: a lost answer to a create is retried with the same
 * {@code Idempotency-Key} and creates once; a {@code 429} whose {@code Retry-After} is beyond the budget is thrown at
 * once with its retry time; a service that cannot be reached is a {@link ConnectionFailedException}; the throttle
 * spaces sends.
 */
class ClientRetriesE2ETest extends ClientTest {
    private static final RetryPolicy QUICK = new RetryPolicy(5, Duration.ofMillis(20), Duration.ofMillis(200),
            Duration.ofSeconds(10));

    private Tokens someonesTokens() {
        return signedIn().currentTokens().orElseThrow();
    }

    @Test
    void aCreateWhoseAnswersAreLostIsRetriedWithOneIdempotencyKeyAndCreatesOnce() throws IOException {
        try (AnswerCuttingProxy proxy = new AnswerCuttingProxy(service.application().port())) {
            DreamDiaryClient client = track(DreamDiaryClient.builder(proxy.baseUri()).retryPolicy(QUICK)
                    .tokens(someonesTokens()).build());
            proxy.cutAnswers(2);

            Dream created = client.dreams().create(NewDream.named("Created once")).execute();

            assertThat(proxy.answersCut()).as("answers lost before the one that arrived").isEqualTo(2);
            List<Dream> all = client.dreams().all(DreamQuery.all()).toList();
            assertThat(all).extracting(Dream::id).containsExactly(created.id());
        }
    }

    @Test
    void aReadWhoseAnswerIsLostIsRetried() throws IOException {
        try (AnswerCuttingProxy proxy = new AnswerCuttingProxy(service.application().port())) {
            DreamDiaryClient client = track(DreamDiaryClient.builder(proxy.baseUri()).retryPolicy(QUICK)
                    .tokens(someonesTokens()).build());
            Dream dream = client.dreams().create(NewDream.named("Read again")).execute();
            proxy.cutAnswers(1);

            assertThat(client.dreams().get(dream.id()).execute()).isEqualTo(dream);
            assertThat(proxy.answersCut()).isEqualTo(1);
        }
    }

    @Test
    void aChangeWhoseAnswerIsLostIsNotSentAgainAndFailsAsConnectionFailed() throws IOException {
        try (AnswerCuttingProxy proxy = new AnswerCuttingProxy(service.application().port())) {
            DreamDiaryClient client = track(DreamDiaryClient.builder(proxy.baseUri()).retryPolicy(QUICK)
                    .tokens(someonesTokens()).build());
            Dream dream = client.dreams().create(NewDream.named("Deleted once")).execute();
            proxy.cutAnswers(1);

            assertThatThrownBy(() -> client.dreams().delete(dream.id()).execute())
                    .as("a DELETE carries no idempotency key: whether it happened is unknown, so it is not resent")
                    .isInstanceOf(ConnectionFailedException.class);
            assertThat(proxy.answersCut()).isEqualTo(1);
        }
    }

    @Test
    void aRateLimitWhoseRetryAfterIsBeyondTheBudgetIsThrownAtOnceWithTheRetryTime() throws InterruptedException {
        try (RunningService limited = RunningService.start(Map.of("RATE_LIMIT_PER_MINUTE", "3"))) {
            // the refusal's Retry-After is the rest of the minute: it must be more than the budget's 2 s
            MinuteWindows.awaitOneWindowFor(Duration.ofSeconds(15));
            DreamDiaryClient client = track(DreamDiaryClient.builder(limited.baseUri())
                    .retryPolicy(new RetryPolicy(5, Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofSeconds(2)))
                    .build());
            client.users().register(NewUser.of(Accounts.uniqueName("limited"), Accounts.PASSWORD)).execute();
            long started = System.nanoTime();

            assertThatThrownBy(() -> IntStream.range(0, 4).forEach(n -> client.dreams().list(DreamQuery.all()).execute()))
                    .isInstanceOfSatisfying(RateLimitedException.class, limitedCall -> {
                        assertThat(limitedCall.status()).isEqualTo(429);
                        assertThat(limitedCall.retryAfter()).hasValueSatisfying(wait ->
                                assertThat(wait).isGreaterThan(Duration.ofSeconds(2)));
                    });
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .as("no wait that the budget could not hold").isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void aServiceThatCannotBeReachedIsConnectionFailedAfterTheRetries() throws IOException {
        URI nobody;
        try (ServerSocket unused = new ServerSocket(0)) {
            nobody = URI.create("http://127.0.0.1:" + unused.getLocalPort());
        }
        DreamDiaryClient client = track(DreamDiaryClient.builder(nobody).retryPolicy(QUICK).build());

        assertThatThrownBy(() -> client.dreams().list(DreamQuery.all()).execute())
                .isInstanceOf(ConnectionFailedException.class)
                .hasMessageContaining("GET /api/v1/dreams");
    }

    @Test
    void theThrottleSpacesSends() {
        DreamDiaryClient client = track(DreamDiaryClient.builder(service.baseUri()).maxRequestsPerSecond(10)
                .tokens(someonesTokens()).build());
        long started = System.nanoTime();

        List<CompletableFuture<?>> calls = IntStream.range(0, 11)
                .<CompletableFuture<?>>mapToObj(n -> client.dreams().list(DreamQuery.all()).executeAsync()).toList();
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();

        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .as("11 sends at 10 a second: the last one a second after the first")
                .isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }
}
