package org.dreamdiary.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dreamdiary.bootstrap.Accounts.bearer;
import static org.dreamdiary.bootstrap.Accounts.register;
import static org.dreamdiary.bootstrap.Accounts.uniqueName;
import static org.dreamdiary.bootstrap.Planning.dream;
import static org.dreamdiary.bootstrap.Planning.entry;
import static org.dreamdiary.bootstrap.Planning.get;
import static org.dreamdiary.bootstrap.Planning.goalOf;
import static org.dreamdiary.bootstrap.Planning.id;
import static org.dreamdiary.bootstrap.Planning.task;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dreamdiary.testsupport.http.ApiClient;
import org.dreamdiary.testsupport.http.ApiClient.ApiResponse;
import org.junit.jupiter.api.Test;

/**
 * API.md §1 "not yours": another user's dreams, goals, tasks and diary entries are 404 on every route, as if they
 * did not exist (a change under If-Match is 412, as for one that was deleted), and nothing about them changes;
 * anonymous callers get 401 everywhere.
 */
class OwnershipE2ETest extends ServiceTest {

    /** The owner's objects: dream, goal of it, task of the goal, diary entry linked to the goal. */
    private record Owned(String auth, String dream, String goal, String task, String entry) {
        List<String> paths() {
            return List.of("/api/v1/dreams/" + dream, "/api/v1/goals/" + goal, "/api/v1/tasks/" + task, "/api/v1/diary/" + entry,
                    "/api/v1/dreams/" + dream + "/goals", "/api/v1/goals/" + goal + "/tasks");
        }
    }

    private Owned ownerWithEverything() {
        String auth = bearer(register(api, uniqueName("Owner")));
        String dream = id(dream(api, auth, "Private dream", "only mine"));
        String goal = id(goalOf(api, auth, dream));
        String task = id(task(api, auth, goal, "Private task"));
        String entry = id(entry(api, auth, "{\"text\": \"Private entry\", \"mood\": 3, \"goal_ids\": [\"" + goal + "\"]}"));
        return new Owned(auth, dream, goal, task, entry);
    }

    private Map<String, String> snapshot(Owned owned) {
        Map<String, String> bodies = new LinkedHashMap<>();
        for (String path : owned.paths()) {
            bodies.put(path, get(api, owned.auth(), path).toString());
        }
        return bodies;
    }

    @Test
    void anotherUserGets404OnEveryRouteOfTheOwnersObjectsAndTheyStayUnchanged() {
        Owned owned = ownerWithEverything();
        Map<String, String> before = snapshot(owned);
        String etag = api.get("/api/v1/dreams/" + owned.dream(), "Authorization", owned.auth()).header("ETag");
        String intruder = bearer(register(api, uniqueName("Intruder")));

        List<String[]> calls = List.of(
                new String[] {"GET", "/api/v1/dreams/" + owned.dream(), null},
                new String[] {"PATCH", "/api/v1/dreams/" + owned.dream(), "{\"name\": \"Hijacked\", \"description\": null}"},
                new String[] {"DELETE", "/api/v1/dreams/" + owned.dream(), null},
                new String[] {"POST", "/api/v1/dreams/" + owned.dream() + "/goals", "{\"name\": \"Hijacked goal\"}"},
                new String[] {"GET", "/api/v1/dreams/" + owned.dream() + "/goals", null},
                new String[] {"GET", "/api/v1/goals/" + owned.goal(), null},
                new String[] {"PATCH", "/api/v1/goals/" + owned.goal(), "{\"status\": \"abandoned\"}"},
                new String[] {"DELETE", "/api/v1/goals/" + owned.goal(), null},
                new String[] {"POST", "/api/v1/goals/" + owned.goal() + "/tasks", "{\"text\": \"Hijacked task\"}"},
                new String[] {"GET", "/api/v1/goals/" + owned.goal() + "/tasks", null},
                new String[] {"GET", "/api/v1/tasks/" + owned.task(), null},
                new String[] {"PATCH", "/api/v1/tasks/" + owned.task(), "{\"done\": true}"},
                new String[] {"DELETE", "/api/v1/tasks/" + owned.task(), null},
                new String[] {"GET", "/api/v1/diary/" + owned.entry(), null},
                new String[] {"PATCH", "/api/v1/diary/" + owned.entry(), "{\"text\": \"Hijacked entry\", \"mood\": null}"},
                new String[] {"DELETE", "/api/v1/diary/" + owned.entry(), null});
        for (String[] call : calls) {
            for (String[] headers : List.of(new String[] {"Authorization", intruder},
                    new String[] {"Authorization", intruder, "If-Match", "*"})) {
                ApiResponse response = call[2] == null
                        ? api.send(call[0], call[1], null, null, headers)
                        : api.json(call[0], call[1], call[2], headers);
                // a change under If-Match of what the caller cannot see fails its precondition, as for a deleted one
                boolean conditionalChange = headers.length > 2 && !call[0].equals("GET") && !call[0].equals("POST");
                assertThat(response.status()).as(call[0] + " " + call[1] + " " + response.text())
                        .isEqualTo(conditionalChange ? 412 : 404);
                assertThat(response.json().get("type").asText())
                        .isEqualTo(conditionalChange ? "/problems/precondition-failed" : "/problems/not-found");
            }
        }
        // nothing was leaked to the intruder's own lists either
        assertThat(get(api, intruder, "/api/v1/dreams").get("items")).isEmpty();
        assertThat(get(api, intruder, "/api/v1/goals").get("items")).isEmpty();
        assertThat(get(api, intruder, "/api/v1/tasks").get("items")).isEmpty();
        assertThat(get(api, intruder, "/api/v1/diary").get("items")).isEmpty();
        assertThat(get(api, intruder, "/api/v1/diary/stats").get("total_entries").asInt()).isZero();

        assertThat(snapshot(owned)).isEqualTo(before);
        assertThat(api.get("/api/v1/dreams/" + owned.dream(), "Authorization", owned.auth(), "If-None-Match", etag).status())
                .isEqualTo(304);
        assertThat(get(api, owned.auth(), "/api/v1/dreams/" + owned.dream()).get("goal_count").asInt()).isEqualTo(1);
        assertThat(get(api, owned.auth(), "/api/v1/goals/" + owned.goal()).get("progress").get("total").asInt()).isEqualTo(1);
    }

    @Test
    void anotherUsersObjectsAnswerExactlyLikeObjectsThatDoNotExist() {
        Owned owned = ownerWithEverything();
        String intruder = bearer(register(api, uniqueName("Prober")));
        String unknown = "0190b8a0-0000-7000-8000-00000000dead";
        for (String[] pair : List.of(new String[] {"/api/v1/dreams/" + owned.dream(), "/api/v1/dreams/" + unknown},
                new String[] {"/api/v1/goals/" + owned.goal(), "/api/v1/goals/" + unknown},
                new String[] {"/api/v1/tasks/" + owned.task(), "/api/v1/tasks/" + unknown},
                new String[] {"/api/v1/diary/" + owned.entry(), "/api/v1/diary/" + unknown})) {
            JsonNode foreign = api.get(pair[0], "Authorization", intruder).json();
            JsonNode missing = api.get(pair[1], "Authorization", intruder).json();
            assertThat(foreign.get("status").asInt()).isEqualTo(404);
            assertThat(foreign.get("detail")).isEqualTo(missing.get("detail"));
        }
    }

    @Test
    void anonymousCallsToEveryPlanningAndDiaryRouteAre401WithABearerChallenge() {
        Owned owned = ownerWithEverything();
        List<String[]> calls = List.of(
                new String[] {"POST", "/api/v1/dreams"}, new String[] {"GET", "/api/v1/dreams"},
                new String[] {"GET", "/api/v1/dreams/" + owned.dream()}, new String[] {"PATCH", "/api/v1/dreams/" + owned.dream()},
                new String[] {"DELETE", "/api/v1/dreams/" + owned.dream()},
                new String[] {"POST", "/api/v1/dreams/" + owned.dream() + "/goals"},
                new String[] {"GET", "/api/v1/dreams/" + owned.dream() + "/goals"},
                new String[] {"POST", "/api/v1/goals"}, new String[] {"GET", "/api/v1/goals"},
                new String[] {"GET", "/api/v1/goals/" + owned.goal()}, new String[] {"PATCH", "/api/v1/goals/" + owned.goal()},
                new String[] {"DELETE", "/api/v1/goals/" + owned.goal()},
                new String[] {"POST", "/api/v1/goals/" + owned.goal() + "/tasks"},
                new String[] {"GET", "/api/v1/goals/" + owned.goal() + "/tasks"},
                new String[] {"GET", "/api/v1/tasks"}, new String[] {"GET", "/api/v1/tasks/" + owned.task()},
                new String[] {"PATCH", "/api/v1/tasks/" + owned.task()}, new String[] {"DELETE", "/api/v1/tasks/" + owned.task()},
                new String[] {"POST", "/api/v1/diary"}, new String[] {"GET", "/api/v1/diary"},
                new String[] {"GET", "/api/v1/diary/stats"}, new String[] {"GET", "/api/v1/diary/" + owned.entry()},
                new String[] {"PATCH", "/api/v1/diary/" + owned.entry()}, new String[] {"DELETE", "/api/v1/diary/" + owned.entry()});
        Map<String, String> before = snapshot(owned);
        for (String[] call : calls) {
            ApiResponse response = api.send(call[0], call[1], "application/json", "{}".getBytes(StandardCharsets.UTF_8));
            assertThat(response.status()).as(call[0] + " " + call[1]).isEqualTo(401);
            assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
            assertThat(response.json().get("type").asText()).isEqualTo("/problems/unauthorized");
        }
        assertThat(snapshot(owned)).isEqualTo(before);
    }
}
