package org.dreamdiary.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dreamdiary.bootstrap.Accounts.bearer;
import static org.dreamdiary.bootstrap.Accounts.register;
import static org.dreamdiary.bootstrap.Accounts.uniqueName;
import static org.dreamdiary.bootstrap.Planning.entry;
import static org.dreamdiary.bootstrap.Planning.errorFields;
import static org.dreamdiary.bootstrap.Planning.get;
import static org.dreamdiary.bootstrap.Planning.goal;
import static org.dreamdiary.bootstrap.Planning.id;
import static org.dreamdiary.bootstrap.Planning.items;
import static org.dreamdiary.bootstrap.Planning.patch;
import static org.dreamdiary.bootstrap.Planning.quote;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dreamdiary.testsupport.http.ApiClient;
import org.dreamdiary.testsupport.http.ApiClient.ApiResponse;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** API.md §4, the champion's diary, end to end: the whole service on PostgreSQL, every response checked against the document. */
class DiaryE2ETest extends ServiceTest {

    private String newUser() {
        return bearer(register(api, uniqueName("Champion")));
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    private JsonNode write(String auth, LocalDate date, String text, Integer mood) {
        return entry(api, auth, "{\"entry_date\": \"" + date + "\", \"text\": " + quote(text) + ", \"mood\": " + mood + "}");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Nested
    class Writing {
        @Test
        void anEntryWithoutADateIsDatedTodayInUtc() {
            String auth = newUser();
            ApiResponse response = api.json("POST", "/api/v1/diary", "{\"title\": \" Day one \", \"text\": \" Ran 5 km \", \"mood\": 4}",
                    "Authorization", auth);
            assertThat(response.status()).isEqualTo(201);
            JsonNode entry = response.json();
            assertThat(response.header("Location")).isEqualTo("/api/v1/diary/" + id(entry));
            assertThat(entry.get("entry_date").asText()).isEqualTo(today().toString());
            assertThat(entry.get("title").asText()).isEqualTo("Day one");
            assertThat(entry.get("text").asText()).isEqualTo("Ran 5 km");
            assertThat(entry.get("mood").asInt()).isEqualTo(4);
            assertThat(entry.get("goal_ids")).isEmpty();
            assertThat(entry.get("attachments")).isEmpty();
            assertThat(entry.get("_links").get("self").asText()).isEqualTo("/api/v1/diary/" + id(entry));
            JsonNode plain = entry(api, auth, "{\"text\": \"no mood, no title\"}");
            assertThat(plain.get("mood").isNull()).isTrue();
            assertThat(plain.get("title").isNull()).isTrue();
        }

        @Test
        void anEntryInTheFutureIs422OnEntryDateButTodayAndThePastAreFine() {
            String auth = newUser();
            ApiResponse future = api.json("POST", "/api/v1/diary",
                    "{\"entry_date\": \"" + today().plusDays(1) + "\", \"text\": \"from tomorrow\"}", "Authorization", auth);
            assertThat(errorFields(future)).containsExactly("entry_date");
            assertThat(get(api, auth, "/api/v1/diary").get("items")).isEmpty();
            JsonNode past = write(auth, today().minusYears(3), "long ago", null);
            assertThat(past.get("entry_date").asText()).isEqualTo(today().minusYears(3).toString());
            assertThat(errorFields(api.json("PATCH", "/api/v1/diary/" + id(past),
                    "{\"entry_date\": \"" + today().plusDays(2) + "\"}", "Authorization", auth))).containsExactly("entry_date");
        }

        @Test
        void everyBadFieldIsListed() {
            String auth = newUser();
            ApiResponse response = api.json("POST", "/api/v1/diary", "{\"title\": " + quote("t".repeat(201))
                    + ", \"mood\": 6, \"entry_date\": \"21.11.2026\", \"weather\": \"sunny\"}", "Authorization", auth);
            assertThat(errorFields(response)).containsExactlyInAnyOrder("title", "text", "mood", "entry_date", "weather");
            assertThat(errorFields(api.json("POST", "/api/v1/diary", "{\"text\": \"x\", \"mood\": 0}", "Authorization", auth)))
                    .containsExactly("mood");
        }

        @Test
        void goalIdsMustNameTheCallersGoals() {
            String auth = newUser();
            String other = newUser();
            JsonNode own = goal(api, auth, "Own");
            JsonNode foreign = goal(api, other, "Foreign");
            ApiResponse refused = api.json("POST", "/api/v1/diary",
                    "{\"text\": \"linked\", \"goal_ids\": [\"" + id(own) + "\", \"" + id(foreign) + "\"]}", "Authorization", auth);
            assertThat(errorFields(refused)).containsExactly("goal_ids");
            assertThat(get(api, auth, "/api/v1/diary").get("items")).isEmpty();

            JsonNode linked = entry(api, auth, "{\"text\": \"linked\", \"goal_ids\": [\"" + id(own) + "\"]}");
            assertThat(linked.get("goal_ids").get(0).asText()).isEqualTo(id(own));
            assertThat(errorFields(api.json("PATCH", "/api/v1/diary/" + id(linked),
                    "{\"goal_ids\": [\"" + id(foreign) + "\"]}", "Authorization", auth))).containsExactly("goal_ids");
            assertThat(get(api, auth, "/api/v1/diary/" + id(linked)).get("goal_ids").get(0).asText()).isEqualTo(id(own));
        }
    }

    @Nested
    class Listing {
        @Test
        void entriesComeNewestEntryDateFirstWhateverTheOrderTheyWereWritten() {
            String auth = newUser();
            write(auth, today().minusDays(2), "two days ago", null);
            write(auth, today(), "today", null);
            write(auth, today().minusDays(7), "a week ago", null);
            write(auth, today().minusDays(1), "yesterday", null);
            assertThat(items(get(api, auth, "/api/v1/diary"), "text")).containsExactly("today", "yesterday", "two days ago", "a week ago");
            JsonNode page = get(api, auth, "/api/v1/diary?per_page=3&page=2");
            assertThat(items(page, "text")).containsExactly("a week ago");
            assertThat(page.get("_meta").get("total_pages").asInt()).isEqualTo(2);
        }

        @Test
        void fromAndToAreInclusiveAndMoodFiltersExactly() {
            String auth = newUser();
            LocalDate base = today().minusDays(20);
            write(auth, base, "day 0", 2);
            write(auth, base.plusDays(1), "day 1", 5);
            write(auth, base.plusDays(2), "day 2", 5);
            write(auth, base.plusDays(3), "day 3", null);
            assertThat(items(get(api, auth, "/api/v1/diary?from=" + base.plusDays(1) + "&to=" + base.plusDays(2)), "text"))
                    .containsExactly("day 2", "day 1");
            assertThat(items(get(api, auth, "/api/v1/diary?from=" + base.plusDays(2)), "text")).containsExactly("day 3", "day 2");
            assertThat(items(get(api, auth, "/api/v1/diary?to=" + base), "text")).containsExactly("day 0");
            assertThat(items(get(api, auth, "/api/v1/diary?mood=5"), "text")).containsExactly("day 2", "day 1");
            assertThat(items(get(api, auth, "/api/v1/diary?mood=5&to=" + base.plusDays(1)), "text")).containsExactly("day 1");
            assertThat(errorFields(api.get("/api/v1/diary?mood=6&from=yesterday", "Authorization", auth)))
                    .containsExactlyInAnyOrder("mood", "from");
        }

        @Test
        void qSearchesTitleAndTextInRussianAndEnglish() {
            String auth = newUser();
            entry(api, auth, "{\"title\": \"Утро\", \"text\": \"Сегодня была отличная тренировка\"}");
            entry(api, auth, "{\"title\": \"Evening\", \"text\": \"Went running along the river\"}");
            entry(api, auth, "{\"title\": \"Reading\", \"text\": \"Finished a book\"}");
            assertThat(items(get(api, auth, "/api/v1/diary?q=" + encode("тренировки")), "title")).containsExactly("Утро");
            assertThat(items(get(api, auth, "/api/v1/diary?q=" + encode("утром")), "title")).containsExactly("Утро");
            assertThat(items(get(api, auth, "/api/v1/diary?q=runs"), "title")).containsExactly("Evening");
            assertThat(items(get(api, auth, "/api/v1/diary?q=books"), "title")).containsExactly("Reading");
            assertThat(get(api, auth, "/api/v1/diary?q=swimming").get("items")).isEmpty();
        }
    }

    @Nested
    class Changing {
        @Test
        void anEntryHasAnEtagAndAStaleIfMatchIs412() {
            String auth = newUser();
            String path = "/api/v1/diary/" + id(write(auth, today(), "first draft", 3));
            ApiResponse read = api.get(path, "Authorization", auth);
            assertThat(api.get(path, "Authorization", auth, "If-None-Match", read.header("ETag")).status()).isEqualTo(304);
            assertThat(api.json("PATCH", path, "{\"text\": \"second draft\"}", "Authorization", auth, "If-Match", read.header("ETag"))
                    .status()).isEqualTo(200);
            ApiResponse stale = api.json("PATCH", path, "{\"text\": \"third draft\"}", "Authorization", auth,
                    "If-Match", read.header("ETag"));
            assertThat(stale.status()).isEqualTo(412);
            assertThat(get(api, auth, path).get("text").asText()).isEqualTo("second draft");
            assertThat(api.delete(path, "Authorization", auth, "If-Match", read.header("ETag")).status()).isEqualTo(412);
        }

        @Test
        void nullClearsTitleAndMoodAMissingFieldIsKeptAndANullTextIs422() {
            String auth = newUser();
            JsonNode entry = entry(api, auth, "{\"title\": \"Title\", \"text\": \"Body\", \"mood\": 2}");
            String path = "/api/v1/diary/" + id(entry);
            JsonNode cleared = patch(api, auth, path, "{\"title\": null, \"mood\": null}");
            assertThat(cleared.get("title").isNull()).isTrue();
            assertThat(cleared.get("mood").isNull()).isTrue();
            assertThat(cleared.get("text").asText()).isEqualTo("Body");
            assertThat(cleared.get("entry_date").asText()).isEqualTo(entry.get("entry_date").asText());
            assertThat(errorFields(api.json("PATCH", path, "{\"text\": null, \"entry_date\": null}", "Authorization", auth)))
                    .containsExactlyInAnyOrder("text", "entry_date");
            JsonNode moved = patch(api, auth, path, "{\"entry_date\": \"" + today().minusDays(4) + "\", \"mood\": 5}");
            assertThat(moved.get("entry_date").asText()).isEqualTo(today().minusDays(4).toString());
            assertThat(moved.get("mood").asInt()).isEqualTo(5);
        }

        @Test
        void deletingAnEntryIs204AndThenItIsGone() {
            String auth = newUser();
            String path = "/api/v1/diary/" + id(write(auth, today(), "fleeting", null));
            assertThat(api.delete(path, "Authorization", auth).status()).isEqualTo(204);
            assertThat(api.get(path, "Authorization", auth).status()).isEqualTo(404);
            assertThat(get(api, auth, "/api/v1/diary/stats").get("total_entries").asInt()).isZero();
        }
    }

    @Nested
    class Stats {
        @Test
        void statsCountEntriesStreaksMonthsAndTheAverageMood() {
            String auth = newUser();
            List<LocalDate> dates = List.of(today(), today(), today().minusDays(1), today().minusDays(10), today().minusDays(11),
                    today().minusDays(12), today().minusDays(40));
            List<Integer> moods = new ArrayList<>(List.of(4, 5, 3));
            for (int i = 0; i < dates.size(); i++) {
                write(auth, dates.get(i), "entry " + i, i < moods.size() ? moods.get(i) : null);
            }
            JsonNode stats = get(api, auth, "/api/v1/diary/stats");
            assertThat(stats.get("total_entries").asInt()).isEqualTo(7);
            assertThat(stats.get("current_streak_days").asInt()).isEqualTo(2);
            assertThat(stats.get("longest_streak_days").asInt()).isEqualTo(3);
            assertThat(stats.get("average_mood").asDouble()).isEqualTo(4.0);

            Map<String, Integer> expectedMonths = new TreeMap<>();
            dates.forEach(date -> expectedMonths.merge(YearMonth.from(date).toString(), 1, Integer::sum));
            Map<String, Integer> months = new TreeMap<>();
            List<String> order = new ArrayList<>();
            stats.get("entries_per_month").forEach(month -> {
                months.put(month.get("month").asText(), month.get("count").asInt());
                order.add(month.get("month").asText());
            });
            assertThat(months).isEqualTo(expectedMonths);
            assertThat(order).isSorted();
        }

        @Test
        void theCurrentStreakCountsFromYesterdayWhenTodayHasNoEntryYet() {
            String auth = newUser();
            write(auth, today().minusDays(1), "yesterday", 3);
            write(auth, today().minusDays(2), "the day before", 4);
            write(auth, today().minusDays(4), "a gap before this", null);
            JsonNode stats = get(api, auth, "/api/v1/diary/stats");
            assertThat(stats.get("current_streak_days").asInt()).isEqualTo(2);
            assertThat(stats.get("longest_streak_days").asInt()).isEqualTo(2);
            assertThat(stats.get("average_mood").asDouble()).isEqualTo(3.5);
        }

        @Test
        void aStreakThatEndedBeforeYesterdayIsNotCurrent() {
            String auth = newUser();
            write(auth, today().minusDays(2), "two days ago", null);
            write(auth, today().minusDays(3), "three days ago", null);
            JsonNode stats = get(api, auth, "/api/v1/diary/stats");
            assertThat(stats.get("current_streak_days").asInt()).isZero();
            assertThat(stats.get("longest_streak_days").asInt()).isEqualTo(2);
        }

        @Test
        void withoutMoodsTheAverageIsNullAndWithoutEntriesEverythingIsZero() {
            String auth = newUser();
            write(auth, today(), "no mood today", null);
            JsonNode noMoods = get(api, auth, "/api/v1/diary/stats");
            assertThat(noMoods.get("total_entries").asInt()).isEqualTo(1);
            assertThat(noMoods.has("average_mood")).isTrue();
            assertThat(noMoods.get("average_mood").isNull()).isTrue();
            assertThat(noMoods.get("current_streak_days").asInt()).isEqualTo(1);

            JsonNode empty = get(api, newUser(), "/api/v1/diary/stats");
            assertThat(empty.get("total_entries").asInt()).isZero();
            assertThat(empty.get("current_streak_days").asInt()).isZero();
            assertThat(empty.get("longest_streak_days").asInt()).isZero();
            assertThat(empty.get("entries_per_month")).isEmpty();
            assertThat(empty.get("average_mood").isNull()).isTrue();
        }

        @Test
        void statsCountOnlyTheCallersEntries() {
            String auth = newUser();
            write(auth, today(), "mine", 1);
            write(newUser(), today(), "theirs", 5);
            JsonNode stats = get(api, auth, "/api/v1/diary/stats");
            assertThat(stats.get("total_entries").asInt()).isEqualTo(1);
            assertThat(stats.get("average_mood").asDouble()).isEqualTo(1.0);
        }
    }
}
