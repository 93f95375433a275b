package org.dreamdiary.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dreamdiary.bootstrap.Accounts.bearer;
import static org.dreamdiary.bootstrap.Accounts.register;
import static org.dreamdiary.bootstrap.Accounts.uniqueName;
import static org.dreamdiary.bootstrap.Planning.done;
import static org.dreamdiary.bootstrap.Planning.dream;
import static org.dreamdiary.bootstrap.Planning.errorFields;
import static org.dreamdiary.bootstrap.Planning.get;
import static org.dreamdiary.bootstrap.Planning.goalOf;
import static org.dreamdiary.bootstrap.Planning.id;
import static org.dreamdiary.bootstrap.Planning.items;
import static org.dreamdiary.bootstrap.Planning.patch;
import static org.dreamdiary.bootstrap.Planning.quote;
import static org.dreamdiary.bootstrap.Planning.task;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.dreamdiary.testsupport.http.ApiClient;
import org.dreamdiary.testsupport.http.ApiClient.ApiResponse;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** API.md §3, dreams, end to end: the whole service on PostgreSQL, every response checked against the document. */
class DreamsE2ETest extends ServiceTest {
    /** One code point outside the Basic Multilingual Plane: two UTF-16 chars, one character for the limits. */
    private static final String EMOJI = "\uD83C\uDF88";

    private String newUser() {
        return bearer(register(api, uniqueName("Dreamer")));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Nested
    class Creating {
        @Test
        void aNewDreamIs201WithItsLocationAndBodyDreamingWithNoGoalsAndNoAttachments() {
            String auth = newUser();
            ApiResponse response = api.json("POST", "/api/v1/dreams",
                    "{\"name\": \"  Fly in a balloon \", \"description\": \" over Cappadocia at dawn \"}", "Authorization", auth);
            assertThat(response.status()).isEqualTo(201);
            JsonNode dream = response.json();
            String id = id(dream);
            assertThat(response.header("Location")).isEqualTo("/api/v1/dreams/" + id);
            assertThat(dream.get("name").asText()).isEqualTo("Fly in a balloon");
            assertThat(dream.get("description").asText()).isEqualTo("over Cappadocia at dawn");
            assertThat(dream.get("status").asText()).isEqualTo("dreaming");
            assertThat(dream.get("goal_count").asInt()).isZero();
            assertThat(dream.get("attachments").isArray()).isTrue();
            assertThat(dream.get("attachments")).isEmpty();
            assertThat(dream.get("_links").get("self").asText()).isEqualTo("/api/v1/dreams/" + id);
            assertThat(dream.get("_links").get("goals").asText()).isEqualTo("/api/v1/dreams/" + id + "/goals");
            assertThat(get(api, auth, "/api/v1/dreams/" + id).get("name").asText()).isEqualTo("Fly in a balloon");
        }

        @Test
        void everyBadFieldIsListedInOne422() {
            String auth = newUser();
            ApiResponse response = api.json("POST", "/api/v1/dreams",
                    "{\"description\": " + quote("d".repeat(10_001)) + ", \"colour\": \"blue\"}", "Authorization", auth);
            assertThat(errorFields(response)).containsExactlyInAnyOrder("name", "description", "colour");
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.json().get("type").asText()).isEqualTo("/problems/validation-failed");
        }

        @Test
        void aNameIsCountedInCodePointsAfterTrimmingSoTwoHundredEmojiFitAndTwoHundredAndOneDoNot() {
            String auth = newUser();
            ApiResponse fits = api.json("POST", "/api/v1/dreams", "{\"name\": " + quote("  " + EMOJI.repeat(200) + "  ") + "}",
                    "Authorization", auth);
            assertThat(fits.status()).as(fits.text()).isEqualTo(201);
            assertThat(fits.json().get("name").asText()).isEqualTo(EMOJI.repeat(200));

            ApiResponse tooLong = api.json("POST", "/api/v1/dreams", "{\"name\": " + quote(EMOJI.repeat(201)) + "}",
                    "Authorization", auth);
            assertThat(errorFields(tooLong)).containsExactly("name");
            assertThat(errorFields(api.json("POST", "/api/v1/dreams", "{\"name\": \"   \"}", "Authorization", auth)))
                    .containsExactly("name");
            assertThat(errorFields(api.json("POST", "/api/v1/dreams", "{\"name\": 42}", "Authorization", auth)))
                    .containsExactly("name");
            assertThat(errorFields(api.json("POST", "/api/v1/dreams", "{\"name\": \"bell\\u0007ring\"}", "Authorization", auth)))
                    .containsExactly("name");
        }

        @Test
        void aDescriptionOfExactlyTheLimitIsAcceptedAndOneMoreIsNot() {
            String auth = newUser();
            assertThat(api.json("POST", "/api/v1/dreams", "{\"name\": \"Long\", \"description\": " + quote("d".repeat(10_000)) + "}",
                    "Authorization", auth).status()).isEqualTo(201);
            assertThat(errorFields(api.json("POST", "/api/v1/dreams",
                    "{\"name\": \"Long\", \"description\": " + quote("d".repeat(10_001)) + "}", "Authorization", auth)))
                    .containsExactly("description");
        }

        @Test
        void anAttachmentIdThatNamesNoAttachmentOfTheCallerIs422OnAttachmentIds() {
            String auth = newUser();
            ApiResponse response = api.json("POST", "/api/v1/dreams",
                    "{\"name\": \"With a photo\", \"attachment_ids\": [\"0190b8a0-0000-7000-8000-000000000001\"]}", "Authorization", auth);
            assertThat(errorFields(response)).containsExactly("attachment_ids");
            assertThat(get(api, auth, "/api/v1/dreams").get("_meta").get("total_items").asInt()).isZero();
            assertThat(api.json("POST", "/api/v1/dreams", "{\"name\": \"No photo\", \"attachment_ids\": []}", "Authorization", auth)
                    .status()).isEqualTo(201);
        }
    }

    @Nested
    class Listing {
        @Test
        void pagesCarryMetaLinksAndALinkHeaderThatKeepTheOtherParameters() {
            String auth = newUser();
            for (String name : new String[] {"One", "Two", "Three"}) {
                dream(api, auth, name);
            }
            ApiResponse first = api.get("/api/v1/dreams?sort=name&per_page=2", "Authorization", auth);
            assertThat(first.status()).isEqualTo(200);
            JsonNode body = first.json();
            assertThat(items(body, "name")).containsExactly("One", "Three");
            assertThat(body.get("_meta").get("page").asInt()).isEqualTo(1);
            assertThat(body.get("_meta").get("per_page").asInt()).isEqualTo(2);
            assertThat(body.get("_meta").get("total_pages").asInt()).isEqualTo(2);
            assertThat(body.get("_meta").get("total_items").asInt()).isEqualTo(3);
            assertThat(body.get("_links").get("self").asText()).isEqualTo("/api/v1/dreams?sort=name&page=1&per_page=2");
            assertThat(body.get("_links").get("next").asText()).isEqualTo("/api/v1/dreams?sort=name&page=2&per_page=2");
            assertThat(body.get("_links").get("prev").isNull()).isTrue();
            assertThat(first.header("Link"))
                    .contains("</api/v1/dreams?sort=name&page=2&per_page=2>; rel=\"next\"")
                    .contains("</api/v1/dreams?sort=name&page=1&per_page=2>; rel=\"first\"")
                    .contains("</api/v1/dreams?sort=name&page=2&per_page=2>; rel=\"last\"")
                    .doesNotContain("rel=\"prev\"");

            ApiResponse second = api.get(body.get("_links").get("next").asText(), "Authorization", auth);
            assertThat(items(second.json(), "name")).containsExactly("Two");
            assertThat(second.json().get("_links").get("next").isNull()).isTrue();
            assertThat(second.json().get("_links").get("prev").asText()).isEqualTo("/api/v1/dreams?sort=name&page=1&per_page=2");
            assertThat(second.header("Link")).contains("rel=\"prev\"").doesNotContain("rel=\"next\"");

            JsonNode past = get(api, auth, "/api/v1/dreams?sort=name&per_page=2&page=3");
            assertThat(past.get("items")).isEmpty();
            assertThat(past.get("_meta").get("total_items").asInt()).isEqualTo(3);
        }

        @Test
        void anEmptyCollectionHasNoPagesAndBadPagingIs422() {
            String auth = newUser();
            JsonNode empty = get(api, auth, "/api/v1/dreams");
            assertThat(empty.get("items")).isEmpty();
            assertThat(empty.get("_meta").get("total_pages").asInt()).isZero();
            assertThat(empty.get("_meta").get("per_page").asInt()).isEqualTo(20);
            assertThat(errorFields(api.get("/api/v1/dreams?page=0&per_page=101", "Authorization", auth)))
                    .containsExactlyInAnyOrder("page", "per_page");
        }

        @Test
        void eachUserSeesOnlyTheirOwnDreams() {
            String mine = newUser();
            String theirs = newUser();
            dream(api, mine, "Mine");
            dream(api, theirs, "Theirs");
            assertThat(items(get(api, mine, "/api/v1/dreams"), "name")).containsExactly("Mine");
        }

        @Test
        void statusFiltersByTheStatusDerivedFromGoals() {
            String auth = newUser();
            JsonNode pursued = dream(api, auth, "Pursued");
            dream(api, auth, "Only dreamt");
            goalOf(api, auth, id(pursued));
            assertThat(items(get(api, auth, "/api/v1/dreams?status=pursuing"), "name")).containsExactly("Pursued");
            assertThat(items(get(api, auth, "/api/v1/dreams?status=dreaming"), "name")).containsExactly("Only dreamt");
            assertThat(get(api, auth, "/api/v1/dreams?status=achieved").get("items")).isEmpty();
            assertThat(errorFields(api.get("/api/v1/dreams?status=sleeping", "Authorization", auth))).containsExactly("status");
        }

        @Test
        void qSearchesNameAndDescriptionInRussianAndEnglishWithStemming() {
            String auth = newUser();
            dream(api, auth, "Моя мечта", "Увидеть северное сияние");
            dream(api, auth, "Marathon", "I dream of finishing one");
            dream(api, auth, "Garden", "Grow tomatoes");
            assertThat(items(get(api, auth, "/api/v1/dreams?q=" + encode("мечты")), "name")).containsExactly("Моя мечта");
            assertThat(items(get(api, auth, "/api/v1/dreams?q=" + encode("сиянием")), "name")).containsExactly("Моя мечта");
            assertThat(items(get(api, auth, "/api/v1/dreams?q=dreaming"), "name")).containsExactly("Marathon");
            assertThat(items(get(api, auth, "/api/v1/dreams?q=tomato"), "name")).containsExactly("Garden");
            assertThat(get(api, auth, "/api/v1/dreams?q=submarine").get("items")).isEmpty();
        }

        @Test
        void sortOrdersByCreationOrByNameIgnoringCaseAndAnUnknownSortIs422() throws InterruptedException {
            String auth = newUser();
            for (String name : new String[] {"banana", "Apple", "cherry"}) {
                dream(api, auth, name);
                Thread.sleep(5);
            }
            assertThat(items(get(api, auth, "/api/v1/dreams"), "name")).containsExactly("cherry", "Apple", "banana");
            assertThat(items(get(api, auth, "/api/v1/dreams?sort=-created_at"), "name")).containsExactly("cherry", "Apple", "banana");
            assertThat(items(get(api, auth, "/api/v1/dreams?sort=created_at"), "name")).containsExactly("banana", "Apple", "cherry");
            assertThat(items(get(api, auth, "/api/v1/dreams?sort=name"), "name")).containsExactly("Apple", "banana", "cherry");
            assertThat(items(get(api, auth, "/api/v1/dreams?sort=-name"), "name")).containsExactly("cherry", "banana", "Apple");
            assertThat(errorFields(api.get("/api/v1/dreams?sort=size", "Authorization", auth))).containsExactly("sort");
        }
    }

    @Nested
    class ReadingAndChanging {
        @Test
        void aDreamHasAnEtagIfNoneMatchGives304AndAChangeGivesANewOne() {
            String auth = newUser();
            String path = "/api/v1/dreams/" + id(dream(api, auth, "Cached"));
            ApiResponse first = api.get(path, "Authorization", auth);
            String etag = first.header("ETag");
            assertThat(etag).matches("\"[^\"]+\"");
            ApiResponse notModified = api.get(path, "Authorization", auth, "If-None-Match", etag);
            assertThat(notModified.status()).isEqualTo(304);
            assertThat(notModified.body()).isEmpty();

            patch(api, auth, path, "{\"name\": \"Cached no more\"}");
            ApiResponse changed = api.get(path, "Authorization", auth, "If-None-Match", etag);
            assertThat(changed.status()).isEqualTo(200);
            assertThat(changed.header("ETag")).isNotEqualTo(etag);
            assertThat(changed.json().get("name").asText()).isEqualTo("Cached no more");
        }

        @Test
        void aPatchWithAStaleIfMatchIs412AndChangesNothing() {
            String auth = newUser();
            String path = "/api/v1/dreams/" + id(dream(api, auth, "Original"));
            String etag = api.get(path, "Authorization", auth).header("ETag");
            ApiResponse fresh = api.json("PATCH", path, "{\"name\": \"First edit\"}", "Authorization", auth, "If-Match", etag);
            assertThat(fresh.status()).isEqualTo(200);
            ApiResponse stale = api.json("PATCH", path, "{\"name\": \"Second edit\"}", "Authorization", auth, "If-Match", etag);
            assertThat(stale.status()).isEqualTo(412);
            assertThat(stale.json().get("type").asText()).isEqualTo("/problems/precondition-failed");
            assertThat(get(api, auth, path).get("name").asText()).isEqualTo("First edit");
        }

        @Test
        void nullClearsTheDescriptionAMissingFieldIsKeptAndANullNameIs422() {
            String auth = newUser();
            JsonNode dream = dream(api, auth, "Keep me", "Clear me");
            String path = "/api/v1/dreams/" + id(dream);
            JsonNode cleared = patch(api, auth, path, "{\"description\": null}");
            assertThat(cleared.get("description").isNull()).isTrue();
            assertThat(cleared.get("name").asText()).isEqualTo("Keep me");

            assertThat(errorFields(api.json("PATCH", path, "{\"name\": null}", "Authorization", auth))).containsExactly("name");
            assertThat(errorFields(api.json("PATCH", path, "{\"name\": \"\", \"wings\": 2}", "Authorization", auth)))
                    .containsExactlyInAnyOrder("name", "wings");
            assertThat(get(api, auth, path).get("name").asText()).isEqualTo("Keep me");
        }

        @Test
        void deletingADreamIs204AndItsGoalsLiveOnWithoutADream() {
            String auth = newUser();
            JsonNode dream = dream(api, auth, "Short-lived");
            JsonNode goal = goalOf(api, auth, id(dream));
            assertThat(goal.get("_links").get("dream").asText()).isEqualTo("/api/v1/dreams/" + id(dream));

            ApiResponse deleted = api.delete("/api/v1/dreams/" + id(dream), "Authorization", auth);
            assertThat(deleted.status()).isEqualTo(204);
            assertThat(deleted.body()).isEmpty();
            assertThat(api.get("/api/v1/dreams/" + id(dream), "Authorization", auth).status()).isEqualTo(404);
            assertThat(api.delete("/api/v1/dreams/" + id(dream), "Authorization", auth).status()).isEqualTo(404);

            JsonNode orphan = get(api, auth, "/api/v1/goals/" + id(goal));
            assertThat(orphan.get("dream_id").isNull()).isTrue();
            assertThat(orphan.get("_links").get("dream").isNull()).isTrue();
            assertThat(orphan.get("name").asText()).isEqualTo("Short-lived");
        }

        @Test
        void deletingWithAStaleIfMatchIs412AndTheDreamStays() {
            String auth = newUser();
            String path = "/api/v1/dreams/" + id(dream(api, auth, "Sticky"));
            String etag = api.get(path, "Authorization", auth).header("ETag");
            patch(api, auth, path, "{\"description\": \"changed meanwhile\"}");
            assertThat(api.delete(path, "Authorization", auth, "If-Match", etag).status()).isEqualTo(412);
            assertThat(api.get(path, "Authorization", auth).status()).isEqualTo(200);
        }
    }

    @Nested
    class GoalsOfADream {
        @Test
        void formingAGoalDefaultsItsNameToTheDreamsAndLinksBack() {
            String auth = newUser();
            JsonNode dream = dream(api, auth, "Learn Japanese");
            ApiResponse formed = api.json("POST", "/api/v1/dreams/" + id(dream) + "/goals", "{\"due_date\": \"2031-04-01\"}",
                    "Authorization", auth);
            assertThat(formed.status()).isEqualTo(201);
            JsonNode goal = formed.json();
            assertThat(formed.header("Location")).isEqualTo("/api/v1/goals/" + id(goal));
            assertThat(goal.get("name").asText()).isEqualTo("Learn Japanese");
            assertThat(goal.get("dream_id").asText()).isEqualTo(id(dream));
            assertThat(goal.get("due_date").asText()).isEqualTo("2031-04-01");
            assertThat(goal.get("status").asText()).isEqualTo("active");

            JsonNode named = api.json("POST", "/api/v1/dreams/" + id(dream) + "/goals", "{\"name\": \"Pass JLPT N3\"}",
                    "Authorization", auth).json();
            assertThat(named.get("name").asText()).isEqualTo("Pass JLPT N3");
            assertThat(get(api, auth, "/api/v1/dreams/" + id(dream)).get("goal_count").asInt()).isEqualTo(2);
        }

        @Test
        void theDreamsGoalsComeInPagesWithoutOtherDreamsGoals() {
            String auth = newUser();
            JsonNode dream = dream(api, auth, "Many goals");
            JsonNode other = dream(api, auth, "Other");
            for (int i = 0; i < 3; i++) {
                goalOf(api, auth, id(dream));
            }
            goalOf(api, auth, id(other));
            Planning.goal(api, auth, "No dream at all");

            ApiResponse page = api.get("/api/v1/dreams/" + id(dream) + "/goals?per_page=2", "Authorization", auth);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.json().get("items")).hasSize(2);
            assertThat(page.json().get("_meta").get("total_items").asInt()).isEqualTo(3);
            assertThat(page.json().get("_links").get("next").asText())
                    .isEqualTo("/api/v1/dreams/" + id(dream) + "/goals?page=2&per_page=2");
            JsonNode second = get(api, auth, "/api/v1/dreams/" + id(dream) + "/goals?per_page=2&page=2");
            assertThat(second.get("items")).hasSize(1);
            page.json().get("items").forEach(goal -> assertThat(goal.get("dream_id").asText()).isEqualTo(id(dream)));
            assertThat(second.get("items").get(0).get("dream_id").asText()).isEqualTo(id(dream));
        }

        @Test
        void goalsOfAnUnknownDreamAre404() {
            String auth = newUser();
            String unknown = "/api/v1/dreams/0190b8a0-0000-7000-8000-00000000abcd/goals";
            assertThat(api.get(unknown, "Authorization", auth).status()).isEqualTo(404);
            assertThat(api.json("POST", unknown, "{}", "Authorization", auth).status()).isEqualTo(404);
        }
    }

    @Nested
    class StatusFollowsGoals {
        @Test
        void aDreamIsPursuedWhileAGoalIsActiveAndAchievedWhenItsGoalsOnlyTaskIsDone() {
            String auth = newUser();
            JsonNode dream = dream(api, auth, "Run a marathon");
            String path = "/api/v1/dreams/" + id(dream);
            assertThat(dream.get("status").asText()).isEqualTo("dreaming");

            JsonNode goal = goalOf(api, auth, id(dream));
            assertThat(get(api, auth, path).get("status").asText()).isEqualTo("pursuing");
            assertThat(get(api, auth, path).get("goal_count").asInt()).isEqualTo(1);

            JsonNode task = task(api, auth, id(goal), "Run 42 km");
            assertThat(get(api, auth, path).get("status").asText()).isEqualTo("pursuing");
            done(api, auth, task, true);
            assertThat(get(api, auth, "/api/v1/goals/" + id(goal)).get("status").asText()).isEqualTo("achieved");
            assertThat(get(api, auth, path).get("status").asText()).isEqualTo("achieved");
            assertThat(items(get(api, auth, "/api/v1/dreams?status=achieved"), "name")).containsExactly("Run a marathon");

            done(api, auth, task, false);
            assertThat(get(api, auth, path).get("status").asText()).isEqualTo("pursuing");
        }

        @Test
        void aDreamWhoseOnlyGoalIsAbandonedIsDreamingAgain() {
            String auth = newUser();
            JsonNode dream = dream(api, auth, "Sail around the world");
            JsonNode goal = goalOf(api, auth, id(dream));
            assertThat(get(api, auth, "/api/v1/dreams/" + id(dream)).get("status").asText()).isEqualTo("pursuing");
            patch(api, auth, "/api/v1/goals/" + id(goal), "{\"status\": \"abandoned\"}");
            JsonNode after = get(api, auth, "/api/v1/dreams/" + id(dream));
            assertThat(after.get("status").asText()).isEqualTo("dreaming");
            assertThat(after.get("goal_count").asInt()).isEqualTo(1);
        }

        @Test
        void anActiveGoalOutweighsAnAchievedOne() {
            String auth = newUser();
            JsonNode dream = dream(api, auth, "Two goals");
            JsonNode achieved = goalOf(api, auth, id(dream));
            patch(api, auth, "/api/v1/goals/" + id(achieved), "{\"status\": \"achieved\"}");
            assertThat(get(api, auth, "/api/v1/dreams/" + id(dream)).get("status").asText()).isEqualTo("achieved");
            goalOf(api, auth, id(dream));
            assertThat(get(api, auth, "/api/v1/dreams/" + id(dream)).get("status").asText()).isEqualTo("pursuing");
        }
    }
}
