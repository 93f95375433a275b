package org.dreamdiary.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dreamdiary.bootstrap.Accounts.PASSWORD;
import static org.dreamdiary.bootstrap.Accounts.uniqueName;
import static org.dreamdiary.bootstrap.Chats.chat;
import static org.dreamdiary.bootstrap.Chats.id;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.dreamdiary.bootstrap.Chats.User;
import org.dreamdiary.testsupport.http.ApiClient;
import org.dreamdiary.testsupport.http.ApiClient.ApiResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * API.md §1 "the limits hold when the attempts arrive all at once", end to end: logins raced over real sockets,
 * registrations per client address, and the cap on live sockets per user. The service trusts the test's own
 * address as a proxy, so that each test can speak for a client address of its own with {@code X-Forwarded-For}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AbuseLimitsE2ETest {
    private static final int REGISTRATIONS_PER_HOUR = 3;
    private static final int SOCKETS_PER_USER = 2;
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    private RunningService service;
    private ApiClient api;

    @BeforeAll
    void start() {
        service = RunningService.start(Map.of(
                // the production default: 200 logins at once wait for connections, not for more than the pool's timeout
                "DATABASE_POOL_SIZE", "10",
                "TRUSTED_PROXIES", "127.0.0.1, ::1",
                "REGISTRATIONS_PER_HOUR", Integer.toString(REGISTRATIONS_PER_HOUR),
                "LIVE_SOCKETS_PER_USER", Integer.toString(SOCKETS_PER_USER)));
        api = service.client();
    }

    @AfterAll
    void stop() {
        service.close();
    }

    /** A client address no other test uses. */
    private static String anAddress() {
        return "198.51.100." + ADDRESSES.incrementAndGet();
    }

    private ApiResponse logIn(String username, String password, String address) {
        return api.json("POST", "/api/v1/tokens", "{\"username\": \"" + username + "\", \"password\": \"" + password + "\"}",
                "X-Forwarded-For", address);
    }

    private ApiResponse registerFrom(String address, String username) {
        return api.json("POST", "/api/v1/users", "{\"username\": \"" + username + "\", \"password\": \"" + PASSWORD + "\"}",
                "X-Forwarded-For", address);
    }

    private ApiResponse registerFrom(String address) {
        return registerFrom(address, uniqueName("Reg"));
    }

    /** An account opened from an address of its own, so that it leaves the others' registrations alone. */
    private User anAccount(String username) {
        ApiResponse registered = registerFrom(anAddress(), username);
        assertThat(registered.status()).isEqualTo(201);
        String token = registered.json().get("access_token").asText();
        return new User(registered.json().get("user").get("id").asText(), token, "Bearer " + token);
    }

    @Test
    void givenTwoHundredWrongPasswordsForOneUsernameAtOnce_whenAllAreAnswered_thenAtMostTenAre401AndTheRest429WithRetryAfter()
            throws Exception {
        String name = uniqueName("Raced");
        anAccount(name);
        String address = anAddress();
        int attempts = 200;

        List<ApiResponse> responses = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(attempts);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<ApiResponse>> futures = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                int guess = i;
                futures.add(threads.submit(() -> {
                    go.await();
                    return logIn(name, "guess number " + guess, address);
                }));
            }
            long started = System.nanoTime();
            go.countDown();
            for (Future<ApiResponse> future : futures) {
                responses.add(future.get(120, TimeUnit.SECONDS));
            }
            System.out.printf("200 parallel wrong logins answered in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        } finally {
            threads.shutdownNow();
        }

        List<ApiResponse> unauthorized = responses.stream().filter(response -> response.status() == 401).toList();
        List<ApiResponse> limited = responses.stream().filter(response -> response.status() == 429).toList();
        System.out.printf("200 parallel wrong logins: %d x 401, %d x 429%n", unauthorized.size(), limited.size());
        assertThat(unauthorized.size() + limited.size()).as("every answer is 401 or 429").isEqualTo(attempts);
        assertThat(unauthorized).hasSizeLessThanOrEqualTo(10);
        assertThat(limited).allSatisfy(response -> {
            assertThat(response.json().get("type").asText()).isEqualTo("/problems/rate-limited");
            assertThat(Integer.parseInt(response.header("Retry-After"))).isBetween(1, 900);
        });
        assertThat(logIn(name, PASSWORD, anAddress()).status()).as("even the right password, from anywhere").isEqualTo(429);
    }

    @Test
    void givenARefusedUsername_whenTheSameAddressLogsInAsSomeoneElse_thenTheRefusalsDidNotCountAgainstTheAddress() {
        String victim = uniqueName("Victim");
        String other = uniqueName("Other");
        anAccount(victim);
        anAccount(other);
        String address = anAddress();
        for (int i = 0; i < 30; i++) {
            assertThat(logIn(victim, "guess " + i, address).status()).isIn(401, 429);
        }

        assertThat(logIn(other, PASSWORD, address).status()).isEqualTo(200);
    }

    @Test
    void givenTheHourlyRegistrationsOfAnAddressUsedUp_whenRegisteringAgain_then429WithRetryAfterAndOtherAddressesMayStill() {
        String address = anAddress();
        for (int i = 0; i < REGISTRATIONS_PER_HOUR; i++) {
            assertThat(registerFrom(address).status()).isEqualTo(201);
        }

        ApiResponse refused = registerFrom(address);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().get("type").asText()).isEqualTo("/problems/rate-limited");
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(3500, 3600);
        assertThat(registerFrom(anAddress()).status()).isEqualTo(201);
    }

    @Test
    void givenAUserHoldingTheCapOfLiveSockets_whenOpeningOneMore_then429BeforeTheUpgradeAndClosingOneMakesRoom() {
        User owner = anAccount(uniqueName("Sockets"));
        String chat = id(chat(api, owner, "Many sockets"));
        List<LiveSocket> open = new ArrayList<>();
        try {
            for (int i = 0; i < SOCKETS_PER_USER; i++) {
                open.add(LiveSocket.withQueryToken(service.baseUri(), chat, owner.token()));
            }

            int refused = LiveSocket.refused(service.baseUri(), "/api/v1/chats/" + chat + "/live?access_token=" + owner.token())
                    .getResponse().statusCode();
            assertThat(refused).isEqualTo(429);

            open.remove(0).close();
            // the server frees the slot when it sees the close: wait for that, within a bound
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (open.size() < SOCKETS_PER_USER) {
                try {
                    open.add(LiveSocket.withQueryToken(service.baseUri(), chat, owner.token()));
                } catch (AssertionError stillFull) {
                    assertThat(System.nanoTime()).as("the closed socket's slot came free").isLessThan(deadline);
                }
            }
        } finally {
            open.forEach(LiveSocket::close);
        }
    }
}
