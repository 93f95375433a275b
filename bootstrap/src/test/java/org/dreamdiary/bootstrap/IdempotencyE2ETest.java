package org.dreamdiary.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dreamdiary.bootstrap.Accounts.bearer;
import static org.dreamdiary.bootstrap.Accounts.register;
import static org.dreamdiary.bootstrap.Accounts.uniqueName;
import static org.dreamdiary.bootstrap.Planning.get;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.dreamdiary.adapter.http.ops.ApiDocsRoutes;
import org.dreamdiary.bootstrap.Chats.User;
import org.dreamdiary.testsupport.http.ApiClient.ApiResponse;
import org.junit.jupiter.api.Test;

/** API.md §1 "idempotency": {@code Idempotency-Key} on the POSTs of signed-in callers, end to end over real sockets. */
class IdempotencyE2ETest extends ServiceTest {
    private static final String DREAM = "{\"name\": \"Run a marathon\"}";

    private ApiResponse createDream(String auth, String key, String body) {
        return api.json("POST", "/api/v1/dreams", body, "Authorization", auth, "Idempotency-Key", key);
    }

    private int dreamCount(String auth) {
        return get(api, auth, "/api/v1/dreams").get("_meta").get("total_items").asInt();
    }

    private static String newKey() {
        return UUID.randomUUID().toString();
    }

    private static void assertRefusedOnKey(ApiResponse response) {
        assertThat(response.status()).as(response.text()).isEqualTo(422);
        assertThat(response.json().get("type").asText()).isEqualTo("/problems/validation-failed");
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("Idempotency-Key");
    }

    @Test
    void givenADreamCreatedWithAKey_whenTheSameRequestIsSentAgain_thenTheFirstResponseIsReplayedAndOneDreamExists() {
        String auth = bearer(register(api, uniqueName("Retry")));
        String key = newKey();

        ApiResponse first = createDream(auth, key, DREAM);
        ApiResponse again = createDream(auth, key, DREAM);

        assertThat(first.status()).as(first.text()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.header("Content-Type")).isEqualTo(first.header("Content-Type"));
        assertThat(again.text()).isEqualTo(first.text());
        assertThat(again.header("X-Request-Id")).as("the request id is this exchange's own").isNotEqualTo(first.header("X-Request-Id"));
        assertThat(dreamCount(auth)).isEqualTo(1);
    }

    @Test
    void givenAMessagePostedWithAKey_whenRetried_thenTheSameMessageAndLocationComeBackAndTheChatHasOneMessage() {
        User owner = Chats.user(api, "Poster");
        String chat = Chats.chat(api, owner, "Retries").get("id").asText();
        String key = newKey();
        String path = "/api/v1/chats/" + chat + "/messages";

        ApiResponse first = api.json("POST", path, "{\"text\": \"hello once\"}", "Authorization", owner.auth(), "Idempotency-Key", key);
        ApiResponse again = api.json("POST", path, "{\"text\": \"hello once\"}", "Authorization", owner.auth(), "Idempotency-Key", key);

        assertThat(first.status()).as(first.text()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.header("Location")).isEqualTo(first.header("Location")).startsWith("/api/v1/messages/");
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(Chats.get(api, owner, path).get("items")).hasSize(1);
    }

    @Test
    void givenAKeyAlreadyUsed_whenSentWithAnotherBodyOrToAnotherRoute_thenItIs422AndNothingMoreIsCreated() {
        String auth = bearer(register(api, uniqueName("Reuse")));
        String key = newKey();
        assertThat(createDream(auth, key, DREAM).status()).isEqualTo(201);

        assertRefusedOnKey(createDream(auth, key, "{\"name\": \"Swim across the bay\"}"));
        assertRefusedOnKey(api.json("POST", "/api/v1/goals", DREAM, "Authorization", auth, "Idempotency-Key", key));

        assertThat(dreamCount(auth)).isEqualTo(1);
        assertThat(get(api, auth, "/api/v1/goals").get("_meta").get("total_items").asInt()).isZero();
    }

    @Test
    void givenAKeyTooLongOrWithAControlCharacter_whenSent_thenItIs422NamingTheHeaderAndNothingIsCreated() {
        String auth = bearer(register(api, uniqueName("BadKey")));

        assertRefusedOnKey(createDream(auth, "k".repeat(256), DREAM));
        assertRefusedOnKey(createDream(auth, "tab\there", DREAM));
        assertThat(createDream(auth, "k".repeat(255), DREAM).status()).as("255 characters are fine").isEqualTo(201);

        assertThat(dreamCount(auth)).isEqualTo(1);
    }

    @Test
    void givenAKeyOnAnAnonymousRoute_whenSentTwice_thenItIsIgnored() {
        String key = newKey();
        String ann = uniqueName("Anon");

        ApiResponse first = api.json("POST", "/api/v1/users", "{\"username\": \"" + ann + "\", \"password\": \""
                + Accounts.PASSWORD + "\"}", "Idempotency-Key", key);
        ApiResponse second = api.json("POST", "/api/v1/users", "{\"username\": \"" + uniqueName("Anon") + "\", \"password\": \""
                + Accounts.PASSWORD + "\"}", "Idempotency-Key", key);
        ApiResponse login = api.json("POST", "/api/v1/tokens", "{\"username\": \"" + ann + "\", \"password\": \""
                + Accounts.PASSWORD + "\"}", "Idempotency-Key", key);
        ApiResponse loginAgain = api.json("POST", "/api/v1/tokens", "{\"username\": \"" + ann + "\", \"password\": \""
                + Accounts.PASSWORD + "\"}", "Idempotency-Key", key);

        assertThat(List.of(first.status(), second.status(), login.status(), loginAgain.status())).containsExactly(201, 201, 200, 200);
        assertThat(second.json().get("user").get("id")).isNotEqualTo(first.json().get("user").get("id"));
        assertThat(loginAgain.json().get("refresh_token")).isNotEqualTo(login.json().get("refresh_token"));
        assertThat(List.of(second, loginAgain)).allSatisfy(response -> assertThat(response.header("Idempotent-Replayed")).isNull());
    }

    @Test
    void givenAnotherUserWithTheSameKey_whenBothCreate_thenEachGetsTheirOwnDream() {
        String ann = bearer(register(api, uniqueName("Ann")));
        String bob = bearer(register(api, uniqueName("Bob")));
        String key = "my-first-dream";

        ApiResponse anns = createDream(ann, key, DREAM);
        ApiResponse bobs = createDream(bob, key, DREAM);

        assertThat(bobs.status()).as(bobs.text()).isEqualTo(201);
        assertThat(bobs.header("Idempotent-Replayed")).isNull();
        assertThat(bobs.header("Location")).isNotEqualTo(anns.header("Location"));
        assertThat(dreamCount(ann)).isEqualTo(1);
        assertThat(dreamCount(bob)).isEqualTo(1);
    }

    @Test
    void givenFiftyParallelPostsWithOneKey_whenSentAtOnce_thenOneDreamIsCreatedAndTheOthersAreReplaysOr409() throws Exception {
        String auth = bearer(register(api, uniqueName("Crowd")));
        String key = newKey();

        List<ApiResponse> responses = Together.run(50, i -> createDream(auth, key, DREAM));

        List<ApiResponse> created = responses.stream().filter(r -> r.status() == 201 && r.header("Idempotent-Replayed") == null).toList();
        List<ApiResponse> replayed = responses.stream().filter(r -> "true".equals(r.header("Idempotent-Replayed"))).toList();
        List<ApiResponse> conflicts = responses.stream().filter(r -> r.status() == 409).toList();
        assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.text()).isIn(201, 409));
        assertThat(created).hasSize(1);
        assertThat(replayed).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(201);
            assertThat(r.text()).isEqualTo(created.get(0).text());
        });
        assertThat(conflicts).allSatisfy(r -> assertThat(r.json().get("type").asText()).isEqualTo("/problems/conflict"));
        assertThat(created.size() + replayed.size() + conflicts.size()).isEqualTo(50);
        assertThat(dreamCount(auth)).isEqualTo(1);
        System.out.printf("50 parallel POSTs with one key: %d created, %d replayed, %d conflicts%n",
                created.size(), replayed.size(), conflicts.size());
    }

    @Test
    void givenAFirstRequestThatFailed_whenRetriedWithTheSameKeyAndACorrectedBody_thenItRunsAsANewRequest() {
        String auth = bearer(register(api, uniqueName("Fixer")));
        String key = newKey();

        ApiResponse failed = createDream(auth, key, "{\"name\": \"\"}");
        ApiResponse corrected = createDream(auth, key, DREAM);
        ApiResponse retried = createDream(auth, key, DREAM);

        assertThat(failed.status()).as(failed.text()).isEqualTo(422);
        assertThat(failed.json().get("errors").get(0).get("field").asText()).isEqualTo("name");
        assertThat(corrected.status()).as(corrected.text()).isEqualTo(201);
        assertThat(corrected.header("Idempotent-Replayed")).as("nothing was kept of the failure").isNull();
        assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(dreamCount(auth)).isEqualTo(1);
    }

    @Test
    void givenRecordingTheKeyFailsAfterTheDreamWasWritten_whenPosted_thenNeitherTheDreamNorTheKeyRemains() throws SQLException {
        String auth = bearer(register(api, uniqueName("Crash")));
        String doomed = "doomed-" + newKey();
        try (Connection connection = service.schema().connect(); Statement statement = connection.createStatement()) {
            // the fault: the key's record cannot be written, after the route has created its dream
            statement.execute("CREATE FUNCTION refuse_key() RETURNS trigger LANGUAGE plpgsql AS"
                    + " $$ BEGIN RAISE EXCEPTION 'injected fault'; END $$");
            statement.execute("CREATE TRIGGER refuse_doomed_key BEFORE INSERT ON idempotency_keys FOR EACH ROW"
                    + " WHEN (NEW.key LIKE 'doomed-%') EXECUTE FUNCTION refuse_key()");
        }

        ApiResponse crashed = createDream(auth, doomed, DREAM);

        assertThat(crashed.status()).isEqualTo(500);
        assertThat(dreamCount(auth)).as("the dream went with the key").isZero();
        try (Connection connection = service.schema().connect(); Statement statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT count(*) FROM idempotency_keys WHERE key = '" + doomed + "'")) {
            rows.next();
            assertThat(rows.getInt(1)).isZero();
        }
        assertThat(createDream(auth, newKey(), DREAM).status()).as("another key still works").isEqualTo(201);
        assertThat(dreamCount(auth)).isEqualTo(1);
    }

    @Test
    void givenAKeyWithoutAToken_whenPosted_thenItIs401AndAGetWithAKeyIsAnsweredAsEver() {
        String auth = bearer(register(api, uniqueName("Reader")));

        assertThat(api.json("POST", "/api/v1/dreams", DREAM, "Idempotency-Key", newKey()).status()).isEqualTo(401);
        ApiResponse read = api.get("/api/v1/dreams", "Authorization", auth, "Idempotency-Key", newKey());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void everyPostOfASignedInCallerDocumentsIdempotencyKeyAndNoAnonymousPostDoes() {
        Set<String> withKey = new TreeSet<>();
        Set<String> signedIn = new TreeSet<>();
        ApiDocsRoutes.document().get("paths").properties().forEach(path -> {
            JsonNode post = path.getValue().get("post");
            if (post == null) {
                return;
            }
            if (post.has("security") && post.get("security").toString().contains("bearer")) {
                signedIn.add(path.getKey());
            }
            if (post.has("parameters") && post.get("parameters").toString().contains("#/components/parameters/IdempotencyKey")) {
                withKey.add(path.getKey());
            }
        });
        assertThat(signedIn).hasSizeGreaterThanOrEqualTo(8).doesNotContain("/api/v1/users", "/api/v1/tokens", "/api/v1/tokens/refresh");
        assertThat(withKey).isEqualTo(signedIn);
    }
}
