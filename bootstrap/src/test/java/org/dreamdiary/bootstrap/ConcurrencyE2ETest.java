package org.dreamdiary.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dreamdiary.bootstrap.Accounts.bearer;
import static org.dreamdiary.bootstrap.Accounts.register;
import static org.dreamdiary.bootstrap.Accounts.uniqueName;
import static org.dreamdiary.bootstrap.Planning.get;
import static org.dreamdiary.bootstrap.Planning.goal;
import static org.dreamdiary.bootstrap.Planning.id;
import static org.dreamdiary.bootstrap.Planning.task;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.dreamdiary.testsupport.http.ApiClient.ApiResponse;
import org.junit.jupiter.api.Test;

/** API.md §1 "concurrent updates never silently overwrite each other", end to end over real sockets. */
class ConcurrencyE2ETest extends ServiceTest {
    private static final int WRITERS = 20;

    @Test
    void twentyConcurrentPatchesWithTheSameIfMatchGiveExactlyOne200AndNineteen412AndTheWinnersChangeStays() throws Exception {
        String auth = bearer(register(api, uniqueName("Racer")));
        String path = "/api/v1/goals/" + id(goal(api, auth, "Contested"));
        String etag = api.get(path, "Authorization", auth).header("ETag");

        List<ApiResponse> responses = Together.run(WRITERS, i -> api.json("PATCH", path,
                "{\"name\": \"Writer " + i + "\", \"description\": \"written by " + i + "\"}",
                "Authorization", auth, "If-Match", etag));

        List<Integer> winners = new ArrayList<>();
        for (int i = 0; i < responses.size(); i++) {
            ApiResponse response = responses.get(i);
            assertThat(response.status()).as(response.text()).isIn(200, 412);
            if (response.status() == 200) {
                winners.add(i);
            } else {
                assertThat(response.json().get("type").asText()).isEqualTo("/problems/precondition-failed");
            }
        }
        assertThat(winners).hasSize(1);
        int winner = winners.get(0);
        assertThat(responses.get(winner).json().get("name").asText()).isEqualTo("Writer " + winner);
        JsonNode stored = get(api, auth, path);
        assertThat(stored.get("name").asText()).isEqualTo("Writer " + winner);
        assertThat(stored.get("description").asText()).isEqualTo("written by " + winner);
    }

    @Test
    void completingEveryTaskOfAGoalConcurrentlyStillAchievesTheGoal() throws Exception {
        String auth = bearer(register(api, uniqueName("Crowd")));
        JsonNode goal = goal(api, auth, "Many hands");
        List<String> tasks = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            tasks.add(id(task(api, auth, id(goal), "step " + i)));
        }

        List<ApiResponse> responses = Together.run(tasks.size(),
                i -> api.json("PATCH", "/api/v1/tasks/" + tasks.get(i), "{\"done\": true}", "Authorization", auth));

        responses.forEach(response -> assertThat(response.status()).as(response.text()).isEqualTo(200));
        JsonNode after = get(api, auth, "/api/v1/goals/" + id(goal));
        assertThat(after.get("progress").get("done").asInt()).isEqualTo(10);
        assertThat(after.get("status").asText()).isEqualTo("achieved");
    }
}
