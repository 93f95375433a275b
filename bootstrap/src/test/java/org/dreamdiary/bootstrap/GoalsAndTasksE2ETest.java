package org.dreamdiary.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dreamdiary.bootstrap.Accounts.bearer;
import static org.dreamdiary.bootstrap.Accounts.register;
import static org.dreamdiary.bootstrap.Accounts.uniqueName;
import static org.dreamdiary.bootstrap.Planning.done;
import static org.dreamdiary.bootstrap.Planning.dream;
import static org.dreamdiary.bootstrap.Planning.errorFields;
import static org.dreamdiary.bootstrap.Planning.get;
import static org.dreamdiary.bootstrap.Planning.goal;
import static org.dreamdiary.bootstrap.Planning.goalOf;
import static org.dreamdiary.bootstrap.Planning.id;
import static org.dreamdiary.bootstrap.Planning.items;
import static org.dreamdiary.bootstrap.Planning.patch;
import static org.dreamdiary.bootstrap.Planning.quote;
import static org.dreamdiary.bootstrap.Planning.task;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.dreamdiary.testsupport.http.ApiClient;
import org.dreamdiary.testsupport.http.ApiClient.ApiResponse;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** API.md §3, goals and tasks, end to end: the whole service on PostgreSQL, every response checked against the document. */
class GoalsAndTasksE2ETest extends ServiceTest {

    private String newUser() {
        return bearer(register(api, uniqueName("Planner")));
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    private JsonNode goalNow(String auth, JsonNode goal) {
        return get(api, auth, "/api/v1/goals/" + id(goal));
    }

    private static void assertProgress(JsonNode goal, int done, int total, int percent) {
        JsonNode progress = goal.get("progress");
        assertThat(List.of(progress.get("done").asInt(), progress.get("total").asInt(), progress.get("percent").asInt()))
                .as(progress.toString()).containsExactly(done, total, percent);
    }

    @Nested
    class Goals {
        @Test
        void aNewGoalIsActiveWithNoProgressAndItsLinks() {
            String auth = newUser();
            JsonNode dream = dream(api, auth, "See Patagonia");
            ApiResponse response = api.json("POST", "/api/v1/goals", "{\"name\": \" Book flights \", \"description\": \"cheap ones\","
                    + " \"due_date\": \"2030-02-01\", \"dream_id\": \"" + id(dream) + "\"}", "Authorization", auth);
            assertThat(response.status()).isEqualTo(201);
            JsonNode goal = response.json();
            assertThat(response.header("Location")).isEqualTo("/api/v1/goals/" + id(goal));
            assertThat(goal.get("name").asText()).isEqualTo("Book flights");
            assertThat(goal.get("status").asText()).isEqualTo("active");
            assertThat(goal.get("dream_id").asText()).isEqualTo(id(dream));
            assertThat(goal.get("due_date").asText()).isEqualTo("2030-02-01");
            assertProgress(goal, 0, 0, 0);
            assertThat(goal.get("_links").get("tasks").asText()).isEqualTo("/api/v1/goals/" + id(goal) + "/tasks");
            assertThat(goal.get("_links").get("dream").asText()).isEqualTo("/api/v1/dreams/" + id(dream));
        }

        @Test
        void anotherUsersDreamIdOrAnUnknownOneIs422OnDreamId() {
            String owner = newUser();
            String other = newUser();
            JsonNode foreign = dream(api, owner, "Not yours");
            ApiResponse response = api.json("POST", "/api/v1/goals",
                    "{\"name\": \"Steal a dream\", \"dream_id\": \"" + id(foreign) + "\"}", "Authorization", other);
            assertThat(errorFields(response)).containsExactly("dream_id");
            assertThat(errorFields(api.json("POST", "/api/v1/goals",
                    "{\"name\": \"Ghost\", \"dream_id\": \"0190b8a0-0000-7000-8000-000000000009\"}", "Authorization", other)))
                    .containsExactly("dream_id");
            JsonNode own = goal(api, other, "Own goal");
            assertThat(errorFields(api.json("PATCH", "/api/v1/goals/" + id(own), "{\"dream_id\": \"" + id(foreign) + "\"}",
                    "Authorization", other))).containsExactly("dream_id");
            assertThat(get(api, other, "/api/v1/goals").get("_meta").get("total_items").asInt()).isEqualTo(1);
            assertThat(get(api, owner, "/api/v1/dreams/" + id(foreign)).get("goal_count").asInt()).isZero();
        }

        @Test
        void everyBadFieldOfANewGoalIsListed() {
            String auth = newUser();
            ApiResponse response = api.json("POST", "/api/v1/goals",
                    "{\"name\": \"\", \"due_date\": \"tomorrow\", \"dream_id\": \"no-uuid\", \"priority\": 1}", "Authorization", auth);
            assertThat(errorFields(response)).containsExactlyInAnyOrder("name", "due_date", "dream_id", "priority");
        }

        @Test
        void listsFilterByStatusDreamAndDueBefore() {
            String auth = newUser();
            JsonNode dream = dream(api, auth, "Filtered");
            JsonNode ofDream = goalOf(api, auth, id(dream));
            JsonNode early = created(api.json("POST", "/api/v1/goals", "{\"name\": \"Early\", \"due_date\": \"2030-01-10\"}",
                    "Authorization", auth));
            JsonNode late = created(api.json("POST", "/api/v1/goals", "{\"name\": \"Late\", \"due_date\": \"2030-06-10\"}",
                    "Authorization", auth));
            patch(api, auth, "/api/v1/goals/" + id(late), "{\"status\": \"abandoned\"}");
            goal(api, newUser(), "Someone else's");

            assertThat(items(get(api, auth, "/api/v1/goals"), "id")).containsExactlyInAnyOrder(id(ofDream), id(early), id(late));
            assertThat(items(get(api, auth, "/api/v1/goals?status=abandoned"), "id")).containsExactly(id(late));
            assertThat(items(get(api, auth, "/api/v1/goals?status=active"), "id")).containsExactlyInAnyOrder(id(ofDream), id(early));
            assertThat(get(api, auth, "/api/v1/goals?status=achieved").get("items")).isEmpty();
            assertThat(items(get(api, auth, "/api/v1/goals?dream_id=" + id(dream)), "id")).containsExactly(id(ofDream));
            assertThat(items(get(api, auth, "/api/v1/goals?due_before=2030-03-01"), "id")).containsExactly(id(early));
            assertThat(items(get(api, auth, "/api/v1/goals?due_before=2030-01-10"), "id")).isEmpty();
            assertThat(items(get(api, auth, "/api/v1/goals?due_before=2031-01-01&status=abandoned"), "id")).containsExactly(id(late));
            assertThat(errorFields(api.get("/api/v1/goals?status=done&dream_id=x&due_before=soon", "Authorization", auth)))
                    .containsExactlyInAnyOrder("status", "dream_id", "due_before");
        }

        @Test
        void aGoalHasAnEtagAndAStaleIfMatchIs412() {
            String auth = newUser();
            String path = "/api/v1/goals/" + id(goal(api, auth, "Versioned"));
            ApiResponse read = api.get(path, "Authorization", auth);
            assertThat(api.get(path, "Authorization", auth, "If-None-Match", read.header("ETag")).status()).isEqualTo(304);
            assertThat(api.json("PATCH", path, "{\"description\": \"first\"}", "Authorization", auth, "If-Match", read.header("ETag"))
                    .status()).isEqualTo(200);
            assertThat(api.json("PATCH", path, "{\"description\": \"second\"}", "Authorization", auth, "If-Match", read.header("ETag"))
                    .status()).isEqualTo(412);
            assertThat(get(api, auth, path).get("description").asText()).isEqualTo("first");
            assertThat(errorFields(api.json("PATCH", path, "{\"status\": \"finished\", \"name\": null}", "Authorization", auth)))
                    .containsExactlyInAnyOrder("status", "name");
        }

        @Test
        void aTaskCompletedMovesTheGoalsProgressAndETagButNotItsVersion_soIfNoneMatchIs200AndIfMatchStillHolds() {
            String auth = newUser();
            JsonNode goal = goal(api, auth, "Half way");
            String path = "/api/v1/goals/" + id(goal);
            JsonNode first = task(api, auth, id(goal), "first step");
            task(api, auth, id(goal), "second step");
            String etag = api.get(path, "Authorization", auth).header("ETag");
            assertThat(etag).matches("\"1-[A-Za-z0-9_-]{24}\"");

            done(api, auth, first, true);

            ApiResponse moved = api.get(path, "Authorization", auth, "If-None-Match", etag);
            assertThat(moved.status()).as("other bytes, so no 304").isEqualTo(200);
            assertThat(moved.json().get("progress").get("percent").asInt()).isEqualTo(50);
            assertThat(moved.header("ETag")).isNotEqualTo(etag).startsWith("\"1-");
            // the goal itself is as it was read: a change based on that read overwrites nothing
            ApiResponse changed = api.json("PATCH", path, "{\"description\": \"half way there\"}", "Authorization", auth,
                    "If-Match", etag);
            assertThat(changed.status()).as(changed.text()).isEqualTo(200);
            assertThat(changed.header("ETag")).startsWith("\"2-");
            assertThat(api.get(path, "Authorization", auth, "If-None-Match", changed.header("ETag")).status())
                    .as("the PATCH's ETag is the GET's").isEqualTo(304);
            assertThat(api.delete(path, "Authorization", auth, "If-Match", etag).status()).isEqualTo(412);
        }

        @Test
        void deletingAGoalIs204AndItsTasksGoWithIt() {
            String auth = newUser();
            JsonNode goal = goal(api, auth, "Doomed");
            JsonNode first = task(api, auth, id(goal), "First");
            JsonNode second = task(api, auth, id(goal), "Second");
            JsonNode survivor = task(api, auth, id(goal(api, auth, "Survivor")), "Stays");

            assertThat(api.delete("/api/v1/goals/" + id(goal), "Authorization", auth).status()).isEqualTo(204);
            assertThat(api.get("/api/v1/goals/" + id(goal), "Authorization", auth).status()).isEqualTo(404);
            assertThat(api.get("/api/v1/goals/" + id(goal) + "/tasks", "Authorization", auth).status()).isEqualTo(404);
            for (JsonNode task : List.of(first, second)) {
                ApiResponse gone = api.get("/api/v1/tasks/" + id(task), "Authorization", auth);
                assertThat(gone.status()).isEqualTo(404);
                assertThat(gone.json().get("type").asText()).isEqualTo("/problems/not-found");
            }
            assertThat(items(get(api, auth, "/api/v1/tasks"), "id")).containsExactly(id(survivor));
        }
    }

    @Nested
    class ProgressAndStatus {
        @Test
        void progressCountsDoneTasksAndRoundsThePercentHalfUp() {
            String auth = newUser();
            JsonNode goal = goal(api, auth, "Three steps");
            JsonNode a = task(api, auth, id(goal), "a");
            JsonNode b = task(api, auth, id(goal), "b");
            task(api, auth, id(goal), "c");
            assertProgress(goalNow(auth, goal), 0, 3, 0);
            done(api, auth, a, true);
            assertProgress(goalNow(auth, goal), 1, 3, 33);
            done(api, auth, b, true);
            JsonNode twoThirds = goalNow(auth, goal);
            assertProgress(twoThirds, 2, 3, 67);
            assertThat(twoThirds.get("status").asText()).isEqualTo("active");
            assertProgress(get(api, auth, "/api/v1/goals").get("items").get(0), 2, 3, 67);
        }

        @Test
        void completingTheLastOpenTaskAchievesTheGoalInOnePatchAndReopeningMakesItActive() {
            String auth = newUser();
            JsonNode goal = goal(api, auth, "Two steps");
            JsonNode first = task(api, auth, id(goal), "first");
            JsonNode second = task(api, auth, id(goal), "second");
            done(api, auth, first, true);
            assertThat(goalNow(auth, goal).get("status").asText()).isEqualTo("active");

            done(api, auth, second, true);
            JsonNode achieved = goalNow(auth, goal);
            assertThat(achieved.get("status").asText()).isEqualTo("achieved");
            assertProgress(achieved, 2, 2, 100);

            done(api, auth, first, false);
            JsonNode reopened = goalNow(auth, goal);
            assertThat(reopened.get("status").asText()).isEqualTo("active");
            assertProgress(reopened, 1, 2, 50);
        }

        @Test
        void addingATaskToAnAchievedGoalMakesItActiveAgain() {
            String auth = newUser();
            JsonNode goal = goal(api, auth, "Never finished");
            done(api, auth, task(api, auth, id(goal), "only"), true);
            assertThat(goalNow(auth, goal).get("status").asText()).isEqualTo("achieved");
            task(api, auth, id(goal), "one more thing");
            JsonNode after = goalNow(auth, goal);
            assertThat(after.get("status").asText()).isEqualTo("active");
            assertProgress(after, 1, 2, 50);
        }

        @Test
        void anAbandonedGoalStaysAbandonedWhileItsTasksAreCompletedAndReopened() {
            String auth = newUser();
            JsonNode goal = goal(api, auth, "Given up");
            JsonNode a = task(api, auth, id(goal), "a");
            JsonNode b = task(api, auth, id(goal), "b");
            patch(api, auth, "/api/v1/goals/" + id(goal), "{\"status\": \"abandoned\"}");
            done(api, auth, a, true);
            done(api, auth, b, true);
            JsonNode allDone = goalNow(auth, goal);
            assertThat(allDone.get("status").asText()).isEqualTo("abandoned");
            assertProgress(allDone, 2, 2, 100);
            done(api, auth, a, false);
            task(api, auth, id(goal), "c");
            assertThat(goalNow(auth, goal).get("status").asText()).isEqualTo("abandoned");
            assertThat(patch(api, auth, "/api/v1/goals/" + id(goal), "{\"status\": \"active\"}").get("status").asText())
                    .isEqualTo("active");
        }
    }

    @Nested
    class Tasks {
        @Test
        void aNewTaskIsOpenAtTheEndOfItsGoal() {
            String auth = newUser();
            JsonNode goal = goal(api, auth, "Tasks");
            task(api, auth, id(goal), "first");
            ApiResponse response = api.json("POST", "/api/v1/goals/" + id(goal) + "/tasks",
                    "{\"text\": \"  second  \", \"notes\": \"bring water\", \"due_date\": \"2030-05-05\"}", "Authorization", auth);
            assertThat(response.status()).isEqualTo(201);
            JsonNode task = response.json();
            assertThat(response.header("Location")).isEqualTo("/api/v1/tasks/" + id(task));
            assertThat(task.get("text").asText()).isEqualTo("second");
            assertThat(task.get("notes").asText()).isEqualTo("bring water");
            assertThat(task.get("goal_id").asText()).isEqualTo(id(goal));
            assertThat(task.get("position").asInt()).isEqualTo(2);
            assertThat(task.get("done").asBoolean()).isFalse();
            assertThat(task.get("completed_at").isNull()).isTrue();
            assertThat(task.get("overdue").asBoolean()).isFalse();
            assertThat(task.get("attachments")).isEmpty();
            assertThat(task.get("_links").get("goal").asText()).isEqualTo("/api/v1/goals/" + id(goal));
            assertThat(errorFields(api.json("POST", "/api/v1/goals/" + id(goal) + "/tasks",
                    "{\"text\": " + quote("t".repeat(1001)) + ", \"done\": true}", "Authorization", auth)))
                    .containsExactlyInAnyOrder("text", "done");
        }

        @Test
        void tasksAreListedInPositionOrderAndAPositionPatchReordersThem() {
            String auth = newUser();
            JsonNode goal = goal(api, auth, "Ordered");
            String tasks = "/api/v1/goals/" + id(goal) + "/tasks";
            JsonNode a = task(api, auth, id(goal), "a");
            task(api, auth, id(goal), "b");
            JsonNode c = task(api, auth, id(goal), "c");
            task(api, auth, id(goal), "d");
            assertThat(items(get(api, auth, tasks), "text")).containsExactly("a", "b", "c", "d");
            assertThat(items(get(api, auth, tasks), "position")).containsExactly("1", "2", "3", "4");

            JsonNode moved = patch(api, auth, "/api/v1/tasks/" + id(c), "{\"position\": 1}");
            assertThat(moved.get("position").asInt()).isEqualTo(1);
            assertThat(items(get(api, auth, tasks), "text")).containsExactly("c", "a", "b", "d");
            assertThat(items(get(api, auth, tasks), "position")).containsExactly("1", "2", "3", "4");

            patch(api, auth, "/api/v1/tasks/" + id(a), "{\"position\": 4}");
            assertThat(items(get(api, auth, tasks), "text")).containsExactly("c", "b", "d", "a");
            assertThat(items(get(api, auth, tasks), "position")).containsExactly("1", "2", "3", "4");
            assertThat(items(get(api, auth, tasks + "?per_page=2&page=2"), "text")).containsExactly("d", "a");
        }

        @Test
        void aPositionOfZeroOrPastTheLastTaskIs422AndNothingMoves() {
            String auth = newUser();
            JsonNode goal = goal(api, auth, "Bounded");
            JsonNode a = task(api, auth, id(goal), "a");
            task(api, auth, id(goal), "b");
            task(api, auth, id(goal), "c");
            for (String position : List.of("0", "4", "-1", "1.5", "\"2\"")) {
                assertThat(errorFields(api.json("PATCH", "/api/v1/tasks/" + id(a), "{\"position\": " + position + "}",
                        "Authorization", auth))).as(position).containsExactly("position");
            }
            assertThat(items(get(api, auth, "/api/v1/goals/" + id(goal) + "/tasks"), "text")).containsExactly("a", "b", "c");
        }

        @Test
        void doneSetsCompletedAtAndReopeningClearsIt() {
            String auth = newUser();
            JsonNode task = task(api, auth, id(goal(api, auth, "Timed")), "do it");
            Instant before = Instant.now().minusSeconds(5);
            JsonNode done = done(api, auth, task, true);
            assertThat(done.get("done").asBoolean()).isTrue();
            Instant completedAt = Instant.parse(done.get("completed_at").asText());
            assertThat(completedAt).isBetween(before, Instant.now().plusSeconds(5));
            assertThat(get(api, auth, "/api/v1/tasks/" + id(task)).get("completed_at").asText())
                    .isEqualTo(done.get("completed_at").asText());
            JsonNode reopened = done(api, auth, task, false);
            assertThat(reopened.get("done").asBoolean()).isFalse();
            assertThat(reopened.get("completed_at").isNull()).isTrue();
        }

        @Test
        void anOpenTaskDueYesterdayIsOverdueButNotOnceDoneOrWhenDueToday() {
            String auth = newUser();
            String goal = id(goal(api, auth, "Late"));
            JsonNode late = task(api, auth, goal, "late", today().minusDays(1).toString());
            JsonNode dueToday = task(api, auth, goal, "today", today().toString());
            JsonNode undated = task(api, auth, goal, "whenever", null);
            assertThat(late.get("overdue").asBoolean()).isTrue();
            assertThat(get(api, auth, "/api/v1/tasks/" + id(late)).get("overdue").asBoolean()).isTrue();
            assertThat(dueToday.get("overdue").asBoolean()).isFalse();
            assertThat(undated.get("overdue").asBoolean()).isFalse();
            assertThat(done(api, auth, late, true).get("overdue").asBoolean()).isFalse();
        }

        @Test
        void aTaskPatchChangesOnlyTheGivenFieldsAndAStaleIfMatchIs412() {
            String auth = newUser();
            JsonNode task = created(api.json("POST", "/api/v1/goals/" + id(goal(api, auth, "Edits")) + "/tasks",
                    "{\"text\": \"write\", \"notes\": \"a note\", \"due_date\": \"2030-01-01\"}", "Authorization", auth));
            String path = "/api/v1/tasks/" + id(task);
            String etag = api.get(path, "Authorization", auth).header("ETag");
            JsonNode changed = patch(api, auth, path, "{\"notes\": null, \"text\": \"rewrite\"}");
            assertThat(changed.get("notes").isNull()).isTrue();
            assertThat(changed.get("text").asText()).isEqualTo("rewrite");
            assertThat(changed.get("due_date").asText()).isEqualTo("2030-01-01");
            assertThat(api.json("PATCH", path, "{\"done\": true}", "Authorization", auth, "If-Match", etag).status()).isEqualTo(412);
            assertThat(get(api, auth, path).get("done").asBoolean()).isFalse();
            assertThat(errorFields(api.json("PATCH", path, "{\"text\": null, \"done\": null}", "Authorization", auth)))
                    .containsExactlyInAnyOrder("text", "done");
        }

        @Test
        void deletingATaskIs204AndClosesTheGapInPositions() {
            String auth = newUser();
            JsonNode goal = goal(api, auth, "Shrinking");
            task(api, auth, id(goal), "a");
            JsonNode b = task(api, auth, id(goal), "b");
            task(api, auth, id(goal), "c");
            assertThat(api.delete("/api/v1/tasks/" + id(b), "Authorization", auth).status()).isEqualTo(204);
            assertThat(api.get("/api/v1/tasks/" + id(b), "Authorization", auth).status()).isEqualTo(404);
            JsonNode left = get(api, auth, "/api/v1/goals/" + id(goal) + "/tasks");
            assertThat(items(left, "text")).containsExactly("a", "c");
            assertThat(items(left, "position")).containsExactly("1", "2");
            assertProgress(goalNow(auth, goal), 0, 2, 0);
        }

        @Test
        void aGoalsTasksFilterByDone() {
            String auth = newUser();
            JsonNode goal = goal(api, auth, "Half done");
            done(api, auth, task(api, auth, id(goal), "done one"), true);
            task(api, auth, id(goal), "open one");
            String tasks = "/api/v1/goals/" + id(goal) + "/tasks";
            assertThat(items(get(api, auth, tasks + "?done=true"), "text")).containsExactly("done one");
            assertThat(items(get(api, auth, tasks + "?done=false"), "text")).containsExactly("open one");
            assertThat(errorFields(api.get(tasks + "?done=maybe", "Authorization", auth))).containsExactly("done");
        }
    }

    @Nested
    class Agenda {
        @Test
        void theAgendaListsEveryGoalsTasksByDueDateWithUndatedLast() {
            String auth = newUser();
            String first = id(goal(api, auth, "First goal"));
            String second = id(goal(api, auth, "Second goal"));
            task(api, auth, first, "undated", null);
            task(api, auth, first, "in five days", today().plusDays(5).toString());
            task(api, auth, second, "yesterday", today().minusDays(1).toString());
            task(api, auth, second, "tomorrow", today().plusDays(1).toString());
            task(api, auth, second, "undated too", null);
            String stranger = newUser();
            task(api, stranger, id(goal(api, stranger, "Not mine")), "foreign", null);

            JsonNode agenda = get(api, auth, "/api/v1/tasks");
            assertThat(items(agenda, "text")).containsExactly("yesterday", "tomorrow", "in five days", "undated", "undated too");
            assertThat(agenda.get("_meta").get("total_items").asInt()).isEqualTo(5);
        }

        @Test
        void theAgendaFiltersByDoneDueBeforeAndOverdue() {
            String auth = newUser();
            String goal = id(goal(api, auth, "Agenda"));
            JsonNode overdue = task(api, auth, goal, "overdue", today().minusDays(3).toString());
            JsonNode doneLate = task(api, auth, goal, "done late", today().minusDays(2).toString());
            task(api, auth, goal, "soon", today().plusDays(2).toString());
            task(api, auth, goal, "later", today().plusDays(30).toString());
            task(api, auth, goal, "someday", null);
            done(api, auth, doneLate, true);

            assertThat(items(get(api, auth, "/api/v1/tasks?done=true"), "text")).containsExactly("done late");
            assertThat(items(get(api, auth, "/api/v1/tasks?done=false"), "text"))
                    .containsExactly("overdue", "soon", "later", "someday");
            assertThat(items(get(api, auth, "/api/v1/tasks?due_before=" + today().plusDays(10)), "text"))
                    .containsExactly("overdue", "done late", "soon");
            assertThat(items(get(api, auth, "/api/v1/tasks?overdue=true"), "text")).containsExactly("overdue");
            assertThat(get(api, auth, "/api/v1/tasks?overdue=true").get("items").get(0).get("id").asText()).isEqualTo(id(overdue));
            assertThat(items(get(api, auth, "/api/v1/tasks?overdue=false"), "text"))
                    .containsExactly("done late", "soon", "later", "someday");
            assertThat(items(get(api, auth, "/api/v1/tasks?done=false&due_before=" + today().plusDays(10)), "text"))
                    .containsExactly("overdue", "soon");
            assertThat(errorFields(api.get("/api/v1/tasks?overdue=yes&due_before=someday", "Authorization", auth)))
                    .containsExactlyInAnyOrder("overdue", "due_before");
        }
    }

    @Test
    void malformedIdsInPathsAre404NotErrors() {
        String auth = newUser();
        for (String path : List.of("/api/v1/goals/not-a-uuid", "/api/v1/goals/123/tasks", "/api/v1/tasks/zzz",
                "/api/v1/dreams/0190b8a0", "/api/v1/dreams/%20/goals", "/api/v1/diary/not-an-entry")) {
            ApiResponse response = api.get(path, "Authorization", auth);
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.json().get("type").asText()).isEqualTo("/problems/not-found");
        }
        for (String path : List.of("/api/v1/goals/nope", "/api/v1/tasks/nope", "/api/v1/dreams/nope", "/api/v1/diary/nope")) {
            assertThat(api.json("PATCH", path, "{}", "Authorization", auth).status()).as("PATCH " + path).isEqualTo(404);
            assertThat(api.delete(path, "Authorization", auth).status()).as("DELETE " + path).isEqualTo(404);
        }
        assertThat(api.json("POST", "/api/v1/goals/nope/tasks", "{\"text\": \"x\"}", "Authorization", auth).status()).isEqualTo(404);
        assertThat(api.json("POST", "/api/v1/dreams/nope/goals", "{}", "Authorization", auth).status()).isEqualTo(404);
    }

    private static JsonNode created(ApiResponse response) {
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.json();
    }
}
