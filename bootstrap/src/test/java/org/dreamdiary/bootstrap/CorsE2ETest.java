package org.dreamdiary.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dreamdiary.bootstrap.Chats.chat;
import static org.dreamdiary.bootstrap.Chats.id;
import static org.dreamdiary.bootstrap.Chats.user;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dreamdiary.bootstrap.Chats.User;
import org.dreamdiary.testsupport.http.ApiClient;
import org.dreamdiary.testsupport.http.ApiClient.ApiResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Web apps on other origins: CORS for the origins of {@code CORS_ORIGINS}, and nothing for any other. */
class CorsE2ETest extends ServiceTest {
    private static final String APP = "https://app.example.com";
    private static final String LOCAL_APP = "http://localhost:5173";
    private static final String STRANGER = "https://evil.example.net";

    private User caller;

    @Override
    protected Map<String, String> environment() {
        return Map.of("STORAGE", "memory", "CORS_ORIGINS", " HTTPS://App.Example.com:443 , " + LOCAL_APP);
    }

    @BeforeAll
    void signUp() {
        caller = user(api, "Cors");
    }

    @Test
    void aPreflightOfAListedOriginIsAnsweredWithWhatItMaySendAndForHowLong() {
        ApiResponse preflight = preflight(api, "/api/v1/dreams", APP);

        assertThat(preflight.status()).isEqualTo(204);
        assertThat(preflight.body()).isEmpty();
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(APP);
        assertThat(preflight.header("Access-Control-Allow-Methods")).isEqualTo("GET, HEAD, POST, PUT, PATCH, DELETE");
        assertThat(preflight.header("Access-Control-Allow-Headers"))
                .isEqualTo("Authorization, Content-Type, If-Match, If-None-Match, Idempotency-Key, X-Request-Id");
        assertThat(preflight.header("Access-Control-Max-Age")).isEqualTo("600");
        assertThat(preflight.header("Vary")).contains("Origin");
        assertThat(preflight.headers()).doesNotContainKey("access-control-allow-credentials");
    }

    @Test
    void aPreflightIsAnsweredOnRoutesWithPathIdsAndIsNeverCountedAgainstTheRateLimit() {
        ApiResponse preflight = preflight(api, "/api/v1/chats/00000000-0000-7000-8000-000000000000/messages", LOCAL_APP);

        assertThat(preflight.status()).isEqualTo(204);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(LOCAL_APP);
        assertThat(preflight.headers()).doesNotContainKey("ratelimit-remaining");
    }

    @Test
    void aResponseToAListedOriginMayBeReadWithTheHeadersAClientNeeds() {
        ApiResponse created = api.json("POST", "/api/v1/dreams", "{\"name\": \"Read from another origin\"}",
                "Authorization", caller.auth(), "Origin", APP);

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.header("Access-Control-Allow-Origin")).isEqualTo(APP);
        assertThat(created.header("Access-Control-Expose-Headers").split(", ")).contains("ETag", "Location", "Link",
                "Retry-After", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "X-Request-Id",
                "Idempotent-Replayed", "Content-Range");
        assertThat(created.headers()).doesNotContainKey("access-control-allow-credentials");
    }

    @Test
    void aProblemIsReadableByAListedOriginToo() {
        ApiResponse refused = api.get("/api/v1/dreams", "Origin", LOCAL_APP);

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.header("Access-Control-Allow-Origin")).isEqualTo(LOCAL_APP);
    }

    @Test
    void anOriginNotOnTheListGetsNoCorsHeadersAndNothingElseChanges() {
        ApiResponse preflight = preflight(api, "/api/v1/dreams", STRANGER);
        ApiResponse read = api.get("/api/v1/users/me", "Authorization", caller.auth(), "Origin", STRANGER);

        assertThat(preflight.status()).as("as without CORS: no route answers OPTIONS").isEqualTo(405);
        assertThat(read.status()).isEqualTo(200);
        assertThat(List.of(preflight, read)).allSatisfy(response -> assertThat(response.headers().keySet())
                .noneMatch(CorsE2ETest::isCorsHeader));
    }

    @Test
    void theLiveSocketIsRefusedToAPageOfAnOriginNotOnTheListAndOpensForAListedOneOrANonBrowserClient() {
        String chatId = id(chat(api, caller, "Live from the web"));

        String live = "/api/v1/chats/" + chatId + "/live?access_token=" + caller.token();

        assertThat(LiveSocket.refused(service.baseUri(), live, "Origin", STRANGER).getResponse().statusCode())
                .isEqualTo(403);
        // each opens, or withQueryToken fails the test with the server's refusal
        LiveSocket.withQueryToken(service.baseUri(), chatId, caller.token(), "Origin", APP).close();
        LiveSocket.withQueryToken(service.baseUri(), chatId, caller.token()).close();
    }

    @Test
    void withoutCorsOriginsNoOriginGetsCorsHeadersAndEverySocketOpens() {
        try (RunningService plain = RunningService.start(Map.of("STORAGE", "memory"))) {
            ApiClient client = plain.client();
            ApiResponse preflight = preflight(client, "/api/v1/dreams", APP);
            ApiResponse health = client.get("/health", "Origin", APP);

            assertThat(preflight.status()).isEqualTo(405);
            assertThat(health.status()).isEqualTo(200);
            assertThat(List.of(preflight, health)).allSatisfy(response -> assertThat(response.headers().keySet())
                    .noneMatch(name -> isCorsHeader(name) || name.equalsIgnoreCase("Vary")));
            User anyone = user(client, "NoCors");
            // opens, or withQueryToken fails the test with the server's refusal
            LiveSocket.withQueryToken(plain.baseUri(), id(chat(client, anyone, "Open to all")), anyone.token(),
                    "Origin", STRANGER).close();
        }
    }

    @Test
    void withAStarEveryOriginMayReadButNeverWithCredentials() {
        try (RunningService open = RunningService.start(Map.of("STORAGE", "memory", "CORS_ORIGINS", "*"))) {
            ApiClient client = open.client();
            ApiResponse preflight = preflight(client, "/api/v1/users", STRANGER);
            ApiResponse health = client.get("/health", "Origin", STRANGER);

            assertThat(preflight.status()).isEqualTo(204);
            assertThat(List.of(preflight, health)).allSatisfy(response -> {
                assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("*");
                assertThat(response.headers()).doesNotContainKey("access-control-allow-credentials");
            });
        }
    }

    private static boolean isCorsHeader(String name) {
        return name.toLowerCase(Locale.ROOT).startsWith("access-control-");
    }

    private static ApiResponse preflight(ApiClient client, String path, String origin) {
        return client.send("OPTIONS", path, null, null, "Origin", origin, "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "authorization,content-type,idempotency-key");
    }
}
