package org.dreamdiary.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dreamdiary.bootstrap.Accounts.PASSWORD;
import static org.dreamdiary.bootstrap.Accounts.uniqueName;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.dreamdiary.testsupport.http.ApiClient;
import org.dreamdiary.testsupport.http.ApiClient.ApiResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * API.md §1 "rate limits" end to end, with a small limit: the headers on every response under {@code /api/v1},
 * {@code 429} with {@code Retry-After} beyond the limit, anonymous callers counted by address and signed-in ones by
 * user, and two nodes on one schema sharing their counts. The service trusts the test's own address as a proxy, so
 * that each test can speak for a client address of its own with {@code X-Forwarded-For}.
 */
class RateLimitE2ETest extends TwoNodesTest {
    private static final int LIMIT = 20;
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @Override
    protected Map<String, String> environment() {
        return Map.of("RATE_LIMIT_PER_MINUTE", Integer.toString(LIMIT), "TRUSTED_PROXIES", "127.0.0.1, ::1");
    }

    /**
     * The windows are whole minutes: a test that needs up to about 20 s in one window waits for the next one when
     * the current is nearly over (a clock condition, at most that long).
     */
    @BeforeEach
    void oneWindowForTheWholeTest() throws InterruptedException {
        MinuteWindows.awaitOneWindowFor(Duration.ofSeconds(25));
    }

    private static String anAddress() {
        return "203.0.113." + ADDRESSES.incrementAndGet();
    }

    private static long remaining(ApiResponse response) {
        return Long.parseLong(response.header("RateLimit-Remaining"));
    }

    /** A new account registered from an address of its own (registering is an anonymous request of that address). */
    private JsonNode registration(ApiClient node) {
        ApiResponse registered = node.json("POST", "/api/v1/users",
                "{\"username\": \"" + uniqueName("Limited") + "\", \"password\": \"" + PASSWORD + "\"}",
                "X-Forwarded-For", anAddress());
        assertThat(registered.status()).isEqualTo(201);
        return registered.json();
    }

    private String signedInUser(ApiClient node) {
        return "Bearer " + registration(node).get("access_token").asText();
    }

    private static void assertRateLimited(ApiResponse response) {
        assertThat(response.status()).isEqualTo(429);
        assertThat(response.json().get("type").asText()).isEqualTo("/problems/rate-limited");
        assertThat(Integer.parseInt(response.header("Retry-After"))).isBetween(1, 60);
        assertThat(response.header("Retry-After")).isEqualTo(response.header("RateLimit-Reset"));
        assertThat(remaining(response)).isZero();
    }

    @Test
    void givenAnAnonymousAddress_whenItSendsMoreThanTheLimit_thenTheHeadersCountDownAndThe21stIs429() {
        String address = anAddress();
        List<Long> remaining = new ArrayList<>();
        for (int i = 0; i < LIMIT; i++) {
            // an unauthenticated request is refused (401), but it is a request all the same
            ApiResponse response = a.get("/api/v1/dreams", "X-Forwarded-For", address);
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.header("RateLimit-Limit")).isEqualTo(Integer.toString(LIMIT));
            assertThat(Integer.parseInt(response.header("RateLimit-Reset"))).isBetween(1, 60);
            remaining.add(remaining(response));
        }
        assertThat(remaining).containsExactly(19L, 18L, 17L, 16L, 15L, 14L, 13L, 12L, 11L, 10L, 9L, 8L, 7L, 6L, 5L, 4L, 3L, 2L,
                1L, 0L);

        assertRateLimited(a.get("/api/v1/dreams", "X-Forwarded-For", address));
        assertRateLimited(a.json("POST", "/api/v1/tokens", "{\"username\": \"x\", \"password\": \"y\"}",
                "X-Forwarded-For", address));
        assertThat(a.get("/api/v1/dreams", "X-Forwarded-For", anAddress()).status()).as("another address").isEqualTo(401);
        assertThat(a.get("/health", "X-Forwarded-For", address).status()).as("health is never limited").isEqualTo(200);
        assertThat(a.get("/health", "X-Forwarded-For", address).header("RateLimit-Limit")).isNull();
    }

    @Test
    void givenASignedInUser_whenUsingUpTheLimit_thenTheUserIsRefusedFromEveryAddressAndTheAddressIsNot() {
        String alice = signedInUser(a);
        String bob = signedInUser(a);
        String address = anAddress();
        for (int i = 0; i < LIMIT; i++) {
            // from a new address each time: the user is counted, not the address
            ApiResponse response = a.get("/api/v1/users/me", "Authorization", alice, "X-Forwarded-For", anAddress());
            assertThat(response.status()).isEqualTo(200);
            assertThat(remaining(response)).isEqualTo(LIMIT - 1 - i);
        }

        assertRateLimited(a.get("/api/v1/users/me", "Authorization", alice, "X-Forwarded-For", address));
        assertThat(a.get("/api/v1/users/me", "Authorization", bob, "X-Forwarded-For", address).status()).isEqualTo(200);
        ApiResponse anonymous = a.get("/api/v1/dreams", "X-Forwarded-For", address);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(remaining(anonymous)).as("the address's own count").isEqualTo(LIMIT - 1);
    }

    /** The requests of {@code userId} in the shared totals, as the nodes have added them so far. */
    private long sharedTotal(String userId) throws SQLException {
        try (Connection connection = nodeA.schema().connect();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT coalesce(sum(requests), 0) FROM request_counts WHERE caller = ?")) {
            query.setString(1, "user:" + userId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Waits, within a bound, until the nodes have added {@code expected} requests of the user to the shared total. */
    private void awaitSharedTotal(String userId, long expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (sharedTotal(userId) < expected) {
            assertThat(System.nanoTime()).as("the nodes shared %d requests in time", expected).isLessThan(deadline);
            Thread.sleep(100);
        }
        assertThat(sharedTotal(userId)).isEqualTo(expected);
    }

    @Test
    void givenRequestsOnNodeA_whenNodeBHasReconciled_thenNodeBCountsThemAndRefusesAtTheSharedLimit() throws Exception {
        JsonNode registered = registration(a);
        String carol = "Bearer " + registered.get("access_token").asText();
        String carolsId = registered.get("user").get("id").asText();
        int onA = 15;
        for (int i = 0; i < onA; i++) {
            assertThat(a.get("/api/v1/users/me", "Authorization", carol).status()).isEqualTo(200);
        }
        awaitSharedTotal(carolsId, onA);

        // B has not seen carol yet: it counts its own request, adds it to the shared total and learns A's from it
        assertThat(remaining(b.get("/api/v1/users/me", "Authorization", carol))).isEqualTo(LIMIT - 1);
        awaitSharedTotal(carolsId, onA + 1);
        ApiResponse informed = b.get("/api/v1/users/me", "Authorization", carol);
        assertThat(remaining(informed)).as("B counts A's requests").isEqualTo(LIMIT - onA - 2);

        int admittedAfter = 0;
        ApiResponse response;
        while ((response = b.get("/api/v1/users/me", "Authorization", carol)).status() == 200) {
            admittedAfter++;
        }
        assertRateLimited(response);
        assertThat(onA + 2 + admittedAfter).as("the shared limit holds exactly once both nodes know").isEqualTo(LIMIT);
    }

    @Test
    void givenAnyResponseUnderApiV1_whenReceived_thenItCarriesTheRateLimitHeaders() {
        String dave = signedInUser(a);
        ApiResponse created = a.json("POST", "/api/v1/dreams", "{\"name\": \"Limits\"}", "Authorization", dave);
        String path = "/api/v1/dreams/" + created.json().get("id").asText();
        ApiResponse read = a.get(path, "Authorization", dave);
        List<ApiResponse> responses = List.of(
                created,
                read,
                a.get(path, "Authorization", dave, "If-None-Match", read.header("ETag")),
                a.json("POST", "/api/v1/dreams", "{\"name\": \"\"}", "Authorization", dave),
                a.get("/api/v1/dreams/not-an-id", "Authorization", dave),
                a.get("/api/v1/no-such-route", "Authorization", dave));
        for (ApiResponse response : responses) {
            assertThat(response.header("RateLimit-Limit")).as("status %d", response.status()).isEqualTo(Integer.toString(LIMIT));
            assertThat(response.header("RateLimit-Remaining")).isNotNull();
            assertThat(response.header("RateLimit-Reset")).isNotNull();
        }
        assertThat(responses).extracting(ApiResponse::status).containsExactly(201, 200, 304, 422, 404, 404);
    }
}
