package org.dreamdiary.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dreamdiary.bootstrap.Accounts.PASSWORD;
import static org.dreamdiary.bootstrap.Accounts.bearer;
import static org.dreamdiary.bootstrap.Accounts.register;
import static org.dreamdiary.bootstrap.Accounts.uniqueName;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.dreamdiary.testsupport.LogCapture;
import org.dreamdiary.testsupport.http.ApiClient;
import org.dreamdiary.testsupport.http.ApiClient.ApiResponse;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** API.md §2 end to end: the whole service on PostgreSQL, over a real socket, every response checked against the document. */
class UsersAndTokensTest extends ServiceTest {

    private ApiResponse logIn(String username, String password) {
        return api.json("POST", "/api/v1/tokens", "{\"username\": \"" + username + "\", \"password\": \"" + password + "\"}");
    }

    private static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> errorFields(ApiResponse response) {
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }

    @Nested
    class Registration {
        @Test
        void givenValidDetails_whenRegistering_then201WithLocationProfileAndTokenPair() {
            String name = uniqueName("Reg");
            ApiResponse response = api.json("POST", "/api/v1/users", "{\"username\": \"" + name + "\", \"password\": \""
                    + PASSWORD + "\", \"email\": \"" + name + "@example.com\", \"full_name\": \"  Ann Example \","
                    + " \"phone_number\": \"+4915112345678\"}");
            assertThat(response.status()).isEqualTo(201);
            JsonNode body = response.json();
            String id = body.get("user").get("id").asText();
            assertThat(response.header("Location")).isEqualTo("/api/v1/users/" + id);
            assertThat(body.get("user").get("full_name").asText()).isEqualTo("Ann Example");
            assertThat(body.get("user").get("email").asText()).isEqualTo(name + "@example.com");
            assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
            assertThat(body.get("expires_in").asInt()).isEqualTo(900);
            assertThat(body.get("refresh_token").asText()).hasSizeGreaterThanOrEqualTo(43);
            assertThat(api.get("/api/v1/users/me", "Authorization", bearer(body)).json().get("id").asText()).isEqualTo(id);
        }

        @Test
        void givenTakenUsernameInAnotherCase_whenRegistering_then409() {
            String name = uniqueName("Taken");
            register(api, name);
            ApiResponse again = api.json("POST", "/api/v1/users",
                    "{\"username\": \"" + name.toUpperCase() + "\", \"password\": \"" + PASSWORD + "\"}");
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.json().get("detail").asText()).isEqualTo("the username is taken");
        }

        @Test
        void givenTakenEmailInAnotherCase_whenRegistering_then409() {
            String first = uniqueName("Mail");
            api.json("POST", "/api/v1/users", "{\"username\": \"" + first + "\", \"password\": \"" + PASSWORD
                    + "\", \"email\": \"" + first + "@example.com\"}");
            ApiResponse again = api.json("POST", "/api/v1/users", "{\"username\": \"" + uniqueName("Other") + "\", \"password\": \""
                    + PASSWORD + "\", \"email\": \"" + first.toUpperCase() + "@EXAMPLE.com\"}");
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.json().get("detail").asText()).isEqualTo("the e-mail address is taken");
        }

        @Test
        void givenEveryFieldWrong_whenRegistering_then422ListingEachOne() {
            ApiResponse response = api.json("POST", "/api/v1/users", "{\"username\": \"a b\", \"password\": \"short\","
                    + " \"email\": \"not-an-address\", \"full_name\": \"\", \"phone_number\": \"12345\", \"role\": \"admin\"}");
            assertThat(response.status()).isEqualTo(422);
            assertThat(errorFields(response)).containsExactly("username", "password", "email", "full_name", "phone_number", "role");
        }

        @Test
        void givenPasswordWithSurroundingSpaces_whenRegistering_thenItIsKeptExactlyAsTyped() {
            String name = uniqueName("Spaces");
            String password = "  spaced out password  ";
            assertThat(api.json("POST", "/api/v1/users", "{\"username\": \"" + name + "\", \"password\": \"" + password + "\"}").status())
                    .isEqualTo(201);
            assertThat(logIn(name, password.trim()).status()).isEqualTo(401);
            assertThat(logIn(name, password).status()).isEqualTo(200);
        }

        @Test
        void givenTwoConcurrentRegistrationsOfOneName_whenBothRun_thenOne201AndOne409() throws Exception {
            String name = uniqueName("Race");
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Integer>> attempts = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                attempts.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return api.json("POST", "/api/v1/users", "{\"username\": \"" + name + "\", \"password\": \"" + PASSWORD + "\"}").status();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (CompletableFuture<Integer> attempt : attempts) {
                statuses.add(attempt.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        }
    }

    @Nested
    class Login {
        @Test
        void givenRightCredentialsAsJsonOrBasic_whenLoggingIn_thenATokenPair() {
            String name = uniqueName("Login");
            register(api, name);
            ApiResponse json = logIn(name.toLowerCase(), PASSWORD);
            assertThat(json.status()).isEqualTo(200);
            assertThat(json.header("Cache-Control")).isEqualTo("no-store");
            ApiResponse basic = api.send("POST", "/api/v1/tokens", null, null, "Authorization", basic(name, PASSWORD));
            assertThat(basic.status()).isEqualTo(200);
            assertThat(api.get("/api/v1/users/me", "Authorization", bearer(basic.json())).status()).isEqualTo(200);
        }

        @Test
        void givenWrongPasswordOrUnknownUser_whenLoggingIn_then401WithBasicChallengeAndTheSameAnswer() {
            String name = uniqueName("Wrong");
            register(api, name);
            ApiResponse wrongPassword = logIn(name, "not the password");
            ApiResponse unknownUser = logIn(uniqueName("Nobody"), "not the password");
            for (ApiResponse response : List.of(wrongPassword, unknownUser)) {
                assertThat(response.status()).isEqualTo(401);
                assertThat(response.header("WWW-Authenticate")).startsWith("Basic realm=\"dream-diary\"");
            }
            assertThat(wrongPassword.json().get("detail")).isEqualTo(unknownUser.json().get("detail"));
        }

        @Test
        void givenNoCredentialsAtAll_whenLoggingIn_then401WithBasicChallenge() {
            ApiResponse response = api.send("POST", "/api/v1/tokens", null, null);
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.header("WWW-Authenticate")).startsWith("Basic");
        }

        @Test
        void givenPasswordSharingOnlyTheFirst72Bytes_whenLoggingIn_thenItIsRefused() {
            String name = uniqueName("Long");
            String password = "x".repeat(72) + "-the-rest-matters";
            api.json("POST", "/api/v1/users", "{\"username\": \"" + name + "\", \"password\": \"" + password + "\"}");
            assertThat(logIn(name, "x".repeat(72) + "-but-this-differs").status()).isEqualTo(401);
            assertThat(logIn(name, "x".repeat(72)).status()).isEqualTo(401);
            assertThat(logIn(name, password).status()).isEqualTo(200);
        }

        @Test
        void givenTenFailuresForOneName_whenTryingAnEleventhTime_then429WithRetryAfterEvenWithTheRightPassword() {
            String name = uniqueName("Guess");
            register(api, name);
            for (int i = 0; i < 10; i++) {
                assertThat(logIn(name.toUpperCase(), "guess " + i).status()).isEqualTo(401);
            }
            ApiResponse limited = logIn(name, PASSWORD);
            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.json().get("type").asText()).isEqualTo("/problems/rate-limited");
            assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 900);
            // another name from the same client is not affected
            String other = uniqueName("Other");
            register(api, other);
            assertThat(logIn(other, PASSWORD).status()).isEqualTo(200);
        }

        @Test
        void givenASuccess_whenFailingAgain_thenTheCountStartsOver() {
            String name = uniqueName("Reset");
            register(api, name);
            for (int i = 0; i < 9; i++) {
                logIn(name, "guess " + i);
            }
            assertThat(logIn(name, PASSWORD).status()).isEqualTo(200);
            for (int i = 0; i < 9; i++) {
                assertThat(logIn(name, "again " + i).status()).isEqualTo(401);
            }
            assertThat(logIn(name, PASSWORD).status()).isEqualTo(200);
        }
    }

    @Nested
    class Sessions {
        @Test
        void givenRefreshToken_whenRefreshing_thenANewPairAndTheOldRefreshTokenIsUsedUp() {
            JsonNode first = register(api, uniqueName("Refresh"));
            ApiResponse refreshed = api.json("POST", "/api/v1/tokens/refresh",
                    "{\"refresh_token\": \"" + first.get("refresh_token").asText() + "\"}");
            assertThat(refreshed.status()).isEqualTo(200);
            assertThat(refreshed.json().get("refresh_token").asText()).isNotEqualTo(first.get("refresh_token").asText());
            assertThat(api.get("/api/v1/users/me", "Authorization", bearer(refreshed.json())).status()).isEqualTo(200);
        }

        @Test
        void givenAlreadyUsedRefreshToken_whenPresentedAgain_thenTheWholeSessionIsRevoked() {
            JsonNode first = register(api, uniqueName("Theft"));
            String stolen = first.get("refresh_token").asText();
            JsonNode second = api.json("POST", "/api/v1/tokens/refresh", "{\"refresh_token\": \"" + stolen + "\"}").json();

            ApiResponse reuse = api.json("POST", "/api/v1/tokens/refresh", "{\"refresh_token\": \"" + stolen + "\"}");
            assertThat(reuse.status()).isEqualTo(401);
            assertThat(api.get("/api/v1/users/me", "Authorization", bearer(second)).status()).isEqualTo(401);
            assertThat(api.json("POST", "/api/v1/tokens/refresh",
                    "{\"refresh_token\": \"" + second.get("refresh_token").asText() + "\"}").status()).isEqualTo(401);
        }

        @Test
        void givenLogout_whenUsingTheOldAccessToken_then401() {
            JsonNode tokens = register(api, uniqueName("Bye"));
            assertThat(api.delete("/api/v1/tokens", "Authorization", bearer(tokens)).status()).isEqualTo(204);
            ApiResponse after = api.get("/api/v1/users/me", "Authorization", bearer(tokens));
            assertThat(after.status()).isEqualTo(401);
            assertThat(after.header("WWW-Authenticate")).startsWith("Bearer");
        }

        @Test
        void givenPasswordChange_whenUsingOtherSessions_thenTheyAre401AndTheCurrentOneStillWorks() {
            String name = uniqueName("Change");
            JsonNode current = register(api, name);
            JsonNode other = logIn(name, PASSWORD).json();
            ApiResponse changed = api.json("PUT", "/api/v1/users/me/password",
                    "{\"current_password\": \"" + PASSWORD + "\", \"new_password\": \"a brand new secret\"}",
                    "Authorization", bearer(current));
            assertThat(changed.status()).isEqualTo(204);
            assertThat(api.get("/api/v1/users/me", "Authorization", bearer(other)).status()).isEqualTo(401);
            assertThat(api.get("/api/v1/users/me", "Authorization", bearer(current)).status()).isEqualTo(200);
            assertThat(logIn(name, PASSWORD).status()).isEqualTo(401);
            assertThat(logIn(name, "a brand new secret").status()).isEqualTo(200);
        }

        @Test
        void givenAProfileChangedSinceItsETag_whenChangingThePasswordUnderThatETag_then412AndTheOldPasswordStays() {
            String name = uniqueName("Guarded");
            String auth = bearer(register(api, name));
            String seen = api.get("/api/v1/users/me", "Authorization", auth).header("ETag");
            api.json("PATCH", "/api/v1/users/me", "{\"full_name\": \"Someone Else\"}", "Authorization", auth);
            String body = "{\"current_password\": \"" + PASSWORD + "\", \"new_password\": \"a brand new secret\"}";

            ApiResponse stale = api.json("PUT", "/api/v1/users/me/password", body, "Authorization", auth, "If-Match", seen);

            assertThat(stale.status()).isEqualTo(412);
            assertThat(logIn(name, PASSWORD).status()).isEqualTo(200);
            String current = api.get("/api/v1/users/me", "Authorization", auth).header("ETag");
            assertThat(api.json("PUT", "/api/v1/users/me/password", body, "Authorization", auth, "If-Match", current).status())
                    .isEqualTo(204);
            assertThat(logIn(name, "a brand new secret").status()).isEqualTo(200);
        }

        @Test
        void givenWrongCurrentPassword_whenChangingIt_then422OnThatField() {
            JsonNode tokens = register(api, uniqueName("NoChange"));
            ApiResponse response = api.json("PUT", "/api/v1/users/me/password",
                    "{\"current_password\": \"wrong guess\", \"new_password\": \"a brand new secret\"}", "Authorization", bearer(tokens));
            assertThat(response.status()).isEqualTo(422);
            assertThat(errorFields(response)).containsExactly("current_password");
        }

        @Test
        void givenForgedTokens_whenCallingAProtectedRoute_then401WithBearerChallenge() {
            JsonNode tokens = register(api, uniqueName("Forge"));
            String token = tokens.get("access_token").asText();
            String[] parts = token.split("\\.");
            String noneHeader = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
            String tamperedPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                            .replace("\"exp\":", "\"exp\":1" ).getBytes(StandardCharsets.UTF_8));
            List<String> forged = List.of(
                    noneHeader + "." + parts[1] + ".",
                    parts[0] + "." + tamperedPayload + "." + parts[2],
                    parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 2) + "xx",
                    "not-a-token");
            for (String candidate : forged) {
                ApiResponse response = api.get("/api/v1/users/me", "Authorization", "Bearer " + candidate);
                assertThat(response.status()).as(candidate).isEqualTo(401);
                assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
            }
            assertThat(api.get("/api/v1/users/me").status()).isEqualTo(401);
            assertThat(api.get("/api/v1/users/me", "Authorization", "Basic " + token).status()).isEqualTo(401);
        }
    }

    @Nested
    class Profiles {
        @Test
        void ownProfileHasAnEtagAndIfNoneMatchGives304() {
            JsonNode tokens = register(api, uniqueName("Etag"));
            ApiResponse first = api.get("/api/v1/users/me", "Authorization", bearer(tokens));
            assertThat(first.header("ETag")).isNotBlank();
            assertThat(api.get("/api/v1/users/me", "Authorization", bearer(tokens), "If-None-Match", first.header("ETag")).status())
                    .isEqualTo(304);
        }

        @Test
        void givenPatch_whenFieldsAreSetOrClearedOrMissing_thenOnlyThoseChange() {
            String name = uniqueName("Patch");
            JsonNode tokens = register(api, name);
            String auth = bearer(tokens);
            ApiResponse set = api.json("PATCH", "/api/v1/users/me",
                    "{\"full_name\": \"Pat Tester\", \"phone_number\": \"+12025550123\"}", "Authorization", auth);
            assertThat(set.status()).isEqualTo(200);
            assertThat(set.json().get("full_name").asText()).isEqualTo("Pat Tester");
            ApiResponse cleared = api.json("PATCH", "/api/v1/users/me", "{\"phone_number\": null}", "Authorization", auth);
            assertThat(cleared.json().get("phone_number").isNull()).isTrue();
            assertThat(cleared.json().get("full_name").asText()).isEqualTo("Pat Tester");
            assertThat(cleared.json().get("username").asText()).isEqualTo(name);
        }

        @Test
        void givenStaleIfMatch_whenPatching_then412AndNothingChanges() {
            JsonNode tokens = register(api, uniqueName("Stale"));
            String auth = bearer(tokens);
            String etag = api.get("/api/v1/users/me", "Authorization", auth).header("ETag");
            assertThat(api.json("PATCH", "/api/v1/users/me", "{\"full_name\": \"First\"}", "Authorization", auth, "If-Match", etag).status())
                    .isEqualTo(200);
            ApiResponse stale = api.json("PATCH", "/api/v1/users/me", "{\"full_name\": \"Second\"}", "Authorization", auth, "If-Match", etag);
            assertThat(stale.status()).isEqualTo(412);
            assertThat(api.get("/api/v1/users/me", "Authorization", auth).json().get("full_name").asText()).isEqualTo("First");
        }

        @Test
        void givenTakenEmailOrForeignAvatarOrNullForNothingValid_whenPatching_thenTheRightError() {
            String owner = uniqueName("Owner");
            api.json("POST", "/api/v1/users", "{\"username\": \"" + owner + "\", \"password\": \"" + PASSWORD
                    + "\", \"email\": \"" + owner + "@example.com\"}");
            String auth = bearer(register(api, uniqueName("Patcher")));
            assertThat(api.json("PATCH", "/api/v1/users/me", "{\"email\": \"" + owner + "@Example.com\"}", "Authorization", auth).status())
                    .isEqualTo(409);
            ApiResponse avatar = api.json("PATCH", "/api/v1/users/me",
                    "{\"avatar_attachment_id\": \"0190b8a0-0000-7000-8000-000000000001\"}", "Authorization", auth);
            assertThat(avatar.status()).isEqualTo(422);
            assertThat(errorFields(avatar)).containsExactly("avatar_attachment_id");
            assertThat(api.json("PATCH", "/api/v1/users/me", "{\"avatar_attachment_id\": null}", "Authorization", auth).status())
                    .isEqualTo(200);
            assertThat(errorFields(api.json("PATCH", "/api/v1/users/me", "{\"username\": \"renamed\"}", "Authorization", auth)))
                    .containsExactly("username");
        }

        @Test
        void othersSeeAPublicProfileWithoutEmailAndPhone() {
            String name = uniqueName("Public");
            JsonNode owner = api.json("POST", "/api/v1/users", "{\"username\": \"" + name + "\", \"password\": \"" + PASSWORD
                    + "\", \"email\": \"" + name + "@example.com\", \"phone_number\": \"+4915112345678\"}").json();
            String id = owner.get("user").get("id").asText();
            JsonNode seenByOther = api.get("/api/v1/users/" + id, "Authorization", bearer(register(api, uniqueName("Viewer")))).json();
            assertThat(seenByOther.has("email")).isFalse();
            assertThat(seenByOther.has("phone_number")).isFalse();
            assertThat(seenByOther.get("username").asText()).isEqualTo(name);
            JsonNode seenBySelf = api.get("/api/v1/users/" + id, "Authorization", bearer(owner)).json();
            assertThat(seenBySelf.get("email").asText()).isEqualTo(name + "@example.com");
        }

        @Test
        void unknownOrMalformedUserIdsAre404() {
            String auth = bearer(register(api, uniqueName("Seeker")));
            assertThat(api.get("/api/v1/users/0190b8a0-0000-7000-8000-000000000002", "Authorization", auth).status()).isEqualTo(404);
            assertThat(api.get("/api/v1/users/not-an-id", "Authorization", auth).status()).isEqualTo(404);
        }

        @Test
        void searchFindsUsernameOrFullNameIgnoringCaseInPages() {
            String tag = uniqueName("zq").toLowerCase();
            String auth = null;
            for (int i = 0; i < 3; i++) {
                JsonNode user = api.json("POST", "/api/v1/users", "{\"username\": \"" + tag + "_" + i + "\", \"password\": \""
                        + PASSWORD + "\"}").json();
                auth = bearer(user);
            }
            api.json("POST", "/api/v1/users", "{\"username\": \"" + uniqueName("Named") + "\", \"password\": \"" + PASSWORD
                    + "\", \"full_name\": \"Known As " + tag.toUpperCase() + "\"}");
            ApiResponse page = api.get("/api/v1/users?q=" + tag.toUpperCase() + "&per_page=2", "Authorization", auth);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.json().get("_meta").get("total_items").asInt()).isEqualTo(4);
            assertThat(page.json().get("items")).hasSize(2);
            assertThat(page.json().get("items").get(0).has("email")).isFalse();
            assertThat(page.header("Link")).contains("rel=\"next\"");
        }

        @Test
        void exportHoldsTheProfileAndEverythingTheUserWrote() {
            String name = uniqueName("Export");
            String auth = bearer(register(api, name));
            String dream = api.json("POST", "/api/v1/dreams", "{\"name\": \"See the sea\"}", "Authorization", auth).json().get("id").asText();
            String goal = api.json("POST", "/api/v1/dreams/" + dream + "/goals", "{}", "Authorization", auth).json().get("id").asText();
            api.json("POST", "/api/v1/goals/" + goal + "/tasks", "{\"text\": \"Book a train\"}", "Authorization", auth);
            api.json("POST", "/api/v1/diary", "{\"text\": \"Booked it\", \"goal_ids\": [\"" + goal + "\"]}", "Authorization", auth);
            // someone else's data stays out
            api.json("POST", "/api/v1/dreams", "{\"name\": \"Not mine\"}", "Authorization", bearer(register(api, uniqueName("Else"))));

            ApiResponse export = api.get("/api/v1/users/me/export", "Authorization", auth);
            assertThat(export.status()).isEqualTo(200);
            assertThat(export.header("Content-Disposition")).contains("attachment");
            JsonNode body = export.json();
            assertThat(body.get("profile").get("username").asText()).isEqualTo(name);
            assertThat(body.get("dreams")).singleElement().satisfies(d -> assertThat(d.get("name").asText()).isEqualTo("See the sea"));
            assertThat(body.get("goals")).singleElement().satisfies(g -> assertThat(g.get("dream_id").asText()).isEqualTo(dream));
            assertThat(body.get("tasks")).singleElement().satisfies(t -> assertThat(t.get("text").asText()).isEqualTo("Book a train"));
            assertThat(body.get("diary")).singleElement().satisfies(e -> assertThat(e.get("goal_ids").get(0).asText()).isEqualTo(goal));
            assertThat(body.get("attachments")).isEmpty();
        }

        @Test
        void everyProtectedRouteRefusesAnonymousCallers() {
            for (String[] call : List.of(new String[] {"GET", "/api/v1/users"}, new String[] {"GET", "/api/v1/users/me"},
                    new String[] {"PATCH", "/api/v1/users/me"}, new String[] {"DELETE", "/api/v1/users/me"},
                    new String[] {"PUT", "/api/v1/users/me/password"}, new String[] {"GET", "/api/v1/users/me/export"},
                    new String[] {"GET", "/api/v1/users/0190b8a0-0000-7000-8000-000000000002"}, new String[] {"DELETE", "/api/v1/tokens"})) {
                ApiResponse response = api.send(call[0], call[1], "application/json", "{}".getBytes(StandardCharsets.UTF_8));
                assertThat(response.status()).as(call[0] + " " + call[1]).isEqualTo(401);
                assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
            }
        }
    }

    @Nested
    class Deletion {
        @Test
        void givenDeletedAccount_whenUsingItsTokensOrLoggingIn_thenEverythingIsRefused() {
            String name = uniqueName("Gone");
            JsonNode tokens = register(api, name);
            assertThat(api.delete("/api/v1/users/me", "Authorization", bearer(tokens)).status()).isEqualTo(204);
            assertThat(api.get("/api/v1/users/me", "Authorization", bearer(tokens)).status()).isEqualTo(401);
            assertThat(api.json("POST", "/api/v1/tokens/refresh",
                    "{\"refresh_token\": \"" + tokens.get("refresh_token").asText() + "\"}").status()).isEqualTo(401);
            assertThat(logIn(name, PASSWORD).status()).isEqualTo(401);
            // the name is free again
            register(api, name);
        }

        @Test
        void givenDeletedAccount_thenItsRowsAreGoneFromEveryTable() throws Exception {
            assumeTrue(service.keepsDataInDatabase(), "looks at the tables of the database");
            JsonNode tokens = register(api, uniqueName("Wiped"));
            String id = tokens.get("user").get("id").asText();
            api.delete("/api/v1/users/me", "Authorization", bearer(tokens));
            try (var connection = service.schema().connect(); var statement = connection.createStatement();
                 var rows = statement.executeQuery("SELECT (SELECT count(*) FROM users WHERE id = '" + id + "')"
                         + " + (SELECT count(*) FROM sessions WHERE user_id = '" + id + "')"
                         + " + (SELECT count(*) FROM refresh_tokens t JOIN sessions s ON s.id = t.session_id WHERE s.user_id = '" + id + "')")) {
                rows.next();
                assertThat(rows.getLong(1)).isZero();
            }
        }
    }

    @Test
    void noLogLineEverContainsAPasswordOrAToken() {
        try (LogCapture log = LogCapture.of("ROOT")) {
            String name = uniqueName("Secret");
            String password = "hunter2-but-longer";
            JsonNode registered = api.json("POST", "/api/v1/users",
                    "{\"username\": \"" + name + "\", \"password\": \"" + password + "\"}").json();
            JsonNode login = logIn(name, password).json();
            logIn(name, "wrong-" + password);
            api.send("POST", "/api/v1/tokens", null, null, "Authorization", basic(name, password));
            api.json("POST", "/api/v1/tokens/refresh", "{\"refresh_token\": \"" + login.get("refresh_token").asText() + "\"}");
            api.get("/api/v1/users/me", "Authorization", bearer(registered));
            api.get("/api/v1/users/me", "Authorization", "Bearer forged." + registered.get("access_token").asText());

            List<String> secrets = List.of(password, registered.get("access_token").asText(),
                    registered.get("refresh_token").asText(), login.get("access_token").asText(), login.get("refresh_token").asText());
            assertThat(log.lines()).isNotEmpty();
            for (LogCapture.Line line : log.lines()) {
                for (String secret : secrets) {
                    assertThat(line.fullText()).doesNotContain(secret);
                }
            }
        }
    }
}
