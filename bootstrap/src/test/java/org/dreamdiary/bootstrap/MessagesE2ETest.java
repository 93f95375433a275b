package org.dreamdiary.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dreamdiary.bootstrap.Chats.chat;
import static org.dreamdiary.bootstrap.Chats.get;
import static org.dreamdiary.bootstrap.Chats.id;
import static org.dreamdiary.bootstrap.Chats.ids;
import static org.dreamdiary.bootstrap.Chats.message;
import static org.dreamdiary.bootstrap.Chats.post;
import static org.dreamdiary.bootstrap.Chats.problem;
import static org.dreamdiary.bootstrap.Chats.user;
import static org.dreamdiary.bootstrap.Planning.errorFields;
import static org.dreamdiary.bootstrap.Planning.quote;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dreamdiary.bootstrap.Chats.User;
import org.dreamdiary.testsupport.http.ApiClient.ApiResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** API.md §6: posting, paging, reading, editing and deleting messages, and a chat's statistics, end to end. */
class MessagesE2ETest extends ServiceTest {
    private User owner;
    private User ann;
    private User bob;
    private User outsider;

    @BeforeAll
    void users() {
        owner = user(api, "MsgOwner");
        ann = user(api, "MsgAnn");
        bob = user(api, "MsgBob");
        outsider = user(api, "MsgOutsider");
    }

    private static String messages(String chat) {
        return "/api/v1/chats/" + chat + "/messages";
    }

    private static String path(String message) {
        return "/api/v1/messages/" + message;
    }

    /** Posts {@code count} messages, alternating between the owner and Ann; their ids oldest first. */
    private List<String> fill(String chat, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(id(message(api, i % 2 == 0 ? owner : ann, chat, "message " + i)));
        }
        return ids;
    }

    private static List<String> reversed(List<String> ids) {
        List<String> copy = new ArrayList<>(ids);
        Collections.reverse(copy);
        return copy;
    }

    // --- post

    @Test
    void postingAMessageAnswers201WithItsLocationAndCountsItInTheChat() {
        String chat = id(chat(api, owner, "Posting", ann));

        ApiResponse response = post(api, ann, chat, "  Good morning!\n");
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        JsonNode posted = response.json();
        assertThat(response.header("Location")).isEqualTo("/api/v1/messages/" + id(posted));
        assertThat(posted.get("chat_id").asText()).isEqualTo(chat);
        assertThat(posted.get("author_id").asText()).isEqualTo(ann.id());
        assertThat(posted.get("text").asText()).isEqualTo("Good morning!");
        assertThat(posted.get("edited_at").isNull()).isTrue();
        assertThat(posted.get("_links").get("self").asText()).isEqualTo(response.header("Location"));
        assertThat(posted.get("_links").get("chat").asText()).isEqualTo("/api/v1/chats/" + chat);
        assertThat(get(api, owner, response.header("Location"))).isEqualTo(posted);

        JsonNode after = get(api, owner, "/api/v1/chats/" + chat).get("chat");
        assertThat(after.get("message_count").asInt()).isEqualTo(1);
        assertThat(after.get("last_message_at").asText()).isEqualTo(posted.get("created_at").asText());
    }

    @Test
    void aMessageIsOneTo5000CodePointsAndOnlyMembersMayPost() {
        String chat = id(chat(api, owner, "Limits", ann));
        String longest = "\uD83D\uDCA4".repeat(5000); // 5000 code points, 10000 UTF-16 chars
        ApiResponse atLimit = post(api, ann, chat, longest);
        assertThat(atLimit.status()).as(atLimit.text()).isEqualTo(201);
        assertThat(atLimit.json().get("text").asText()).isEqualTo(longest);

        assertThat(errorFields(post(api, ann, chat, longest + "z"))).containsExactly("text");
        assertThat(errorFields(post(api, ann, chat, ""))).containsExactly("text");
        assertThat(errorFields(post(api, ann, chat, " \t\n "))).containsExactly("text");
        assertThat(errorFields(post(api, ann, chat, "null\u0000byte"))).containsExactly("text");
        assertThat(errorFields(api.json("POST", messages(chat), "{}", "Authorization", ann.auth()))).containsExactly("text");
        assertThat(errorFields(api.json("POST", messages(chat), "{\"text\": \"hi\", \"author_id\": " + quote(owner.id()) + "}",
                "Authorization", ann.auth()))).containsExactly("author_id");

        assertThat(problem(post(api, outsider, chat, "let me in"), 404)).isEqualTo("/problems/not-found");
        assertThat(problem(post(api, ann, "0190b8a0-0000-7000-8000-00000000dead", "nowhere"), 404)).isEqualTo("/problems/not-found");
        assertThat(get(api, owner, "/api/v1/chats/" + chat).get("chat").get("message_count").asInt()).isEqualTo(1);
    }

    // --- cursor pages

    @Test
    void cursorPagesRunOlderNewestFirstWithBeforeAndNewerOldestFirstWithAfter() {
        String chat = id(chat(api, owner, "Paging", ann));
        List<String> oldestFirst = fill(chat, 23);
        List<String> newestFirst = reversed(oldestFirst);

        // neither: the latest, newest first; next continues with older ones
        ApiResponse latest = api.get(messages(chat) + "?limit=10", "Authorization", ann.auth());
        assertThat(latest.status()).isEqualTo(200);
        JsonNode page = latest.json();
        assertThat(ids(page.get("items"))).containsExactlyElementsOf(newestFirst.subList(0, 10));
        assertThat(page.get("_links").get("self").asText()).isEqualTo(messages(chat) + "?limit=10");
        String next = page.get("_links").get("next").asText();
        assertThat(next).isEqualTo(messages(chat) + "?limit=10&before=" + newestFirst.get(9));
        assertThat(latest.header("Link")).isEqualTo("<" + next + ">; rel=\"next\"");

        ApiResponse second = api.get(next, "Authorization", ann.auth());
        assertThat(ids(second.json().get("items"))).containsExactlyElementsOf(newestFirst.subList(10, 20));
        ApiResponse last = api.get(second.json().get("_links").get("next").asText(), "Authorization", ann.auth());
        assertThat(ids(last.json().get("items"))).containsExactlyElementsOf(newestFirst.subList(20, 23));
        assertThat(last.json().get("_links").get("next").isNull()).isTrue();
        assertThat(last.header("Link")).isNull();

        // after: newer ones, oldest first, and next goes on in that direction
        JsonNode newer = get(api, ann, messages(chat) + "?limit=10&after=" + oldestFirst.get(0));
        assertThat(ids(newer.get("items"))).containsExactlyElementsOf(oldestFirst.subList(1, 11));
        assertThat(newer.get("_links").get("next").asText()).isEqualTo(messages(chat) + "?limit=10&after=" + oldestFirst.get(10));
        JsonNode newest = get(api, ann, messages(chat) + "?limit=10&after=" + oldestFirst.get(12));
        assertThat(ids(newest.get("items"))).containsExactlyElementsOf(oldestFirst.subList(13, 23));
        assertThat(newest.get("_links").get("next").isNull()).isTrue();
        assertThat(get(api, ann, messages(chat) + "?after=" + oldestFirst.get(22)).get("items")).isEmpty();

        // the default limit is 50; before the oldest there is nothing
        JsonNode everything = get(api, ann, messages(chat));
        assertThat(ids(everything.get("items"))).containsExactlyElementsOf(newestFirst);
        assertThat(everything.get("_links").get("next").isNull()).isTrue();
        assertThat(get(api, ann, messages(chat) + "?before=" + oldestFirst.get(0)).get("items")).isEmpty();

        // a cursor is a position: it still works once its message is deleted
        assertThat(api.delete(path(oldestFirst.get(5)), "Authorization", owner.auth()).status()).isEqualTo(204);
        assertThat(ids(get(api, ann, messages(chat) + "?limit=3&before=" + oldestFirst.get(5)).get("items")))
                .containsExactly(oldestFirst.get(4), oldestFirst.get(3), oldestFirst.get(2));
        assertThat(ids(get(api, ann, messages(chat) + "?limit=2&after=" + oldestFirst.get(4)).get("items")))
                .containsExactly(oldestFirst.get(6), oldestFirst.get(7));
    }

    @Test
    void badCursorParametersAre422() {
        String chat = id(chat(api, owner, "Bad cursors", ann));
        String some = id(message(api, ann, chat, "a message"));
        Map<String, String> cases = Map.of(
                "?limit=0", "limit",
                "?limit=101", "limit",
                "?limit=many", "limit",
                "?before=" + some + "&after=" + some, "after",
                "?before=not-a-uuid", "before",
                "?after=12345", "after");
        cases.forEach((query, field) -> assertThat(errorFields(api.get(messages(chat) + query, "Authorization", ann.auth())))
                .as(query).containsExactly(field));
        assertThat(get(api, ann, messages(chat) + "?limit=100").get("items")).hasSize(1);
        assertThat(get(api, ann, messages(chat) + "?limit=1").get("items")).hasSize(1);
    }

    // --- one message

    @Test
    void theAuthorEditsAMessageWhichSetsEditedAtAndChangesItsETag() {
        String chat = id(chat(api, owner, "Editing", ann, bob));
        JsonNode original = message(api, ann, chat, "tpyo");
        ApiResponse read = api.get(path(id(original)), "Authorization", bob.auth());
        assertThat(read.status()).isEqualTo(200);
        String etag = read.header("ETag");
        assertThat(api.get(path(id(original)), "Authorization", bob.auth(), "If-None-Match", etag).status()).isEqualTo(304);

        assertThat(problem(api.json("PATCH", path(id(original)), "{\"text\": \"Bob's words\"}", "Authorization", bob.auth()), 403))
                .isEqualTo("/problems/forbidden");
        assertThat(problem(api.json("PATCH", path(id(original)), "{\"text\": \"owner's words\"}", "Authorization", owner.auth()), 403))
                .isEqualTo("/problems/forbidden");
        assertThat(problem(api.json("PATCH", path(id(original)), "{\"text\": \"outside\"}", "Authorization", outsider.auth()), 404))
                .isEqualTo("/problems/not-found");

        ApiResponse edited = api.json("PATCH", path(id(original)), "{\"text\": \" typo \"}", "Authorization", ann.auth(),
                "If-Match", etag);
        assertThat(edited.status()).as(edited.text()).isEqualTo(200);
        JsonNode body = edited.json();
        assertThat(body.get("text").asText()).isEqualTo("typo");
        assertThat(body.get("edited_at").isTextual()).isTrue();
        assertThat(Instant.parse(body.get("edited_at").asText())).isAfterOrEqualTo(Instant.parse(body.get("created_at").asText()));
        assertThat(body.get("created_at")).isEqualTo(original.get("created_at"));
        assertThat(get(api, bob, path(id(original)))).isEqualTo(body);
        assertThat(api.get(path(id(original)), "Authorization", bob.auth(), "If-None-Match", etag).status()).isEqualTo(200);

        ApiResponse stale = api.json("PATCH", path(id(original)), "{\"text\": \"lost update\"}", "Authorization", ann.auth(),
                "If-Match", etag);
        assertThat(problem(stale, 412)).isEqualTo("/problems/precondition-failed");
        assertThat(errorFields(api.json("PATCH", path(id(original)), "{\"text\": " + quote("y".repeat(5001)) + "}",
                "Authorization", ann.auth()))).containsExactly("text");
        assertThat(errorFields(api.json("PATCH", path(id(original)), "{\"text\": null}", "Authorization", ann.auth())))
                .containsExactly("text");
        assertThat(errorFields(api.json("PATCH", path(id(original)), "{\"text\": \"\"}", "Authorization", ann.auth())))
                .containsExactly("text");
        assertThat(get(api, ann, path(id(original))).get("text").asText()).isEqualTo("typo");
    }

    @Test
    void theAuthorOrTheOwnerDeletesAMessageOtherMembersGet403() {
        String chat = id(chat(api, owner, "Deleting", ann, bob));
        String annsFirst = id(message(api, ann, chat, "first by Ann"));
        String annsSecond = id(message(api, ann, chat, "second by Ann"));
        String bobs = id(message(api, bob, chat, "by Bob"));

        assertThat(problem(api.delete(path(annsFirst), "Authorization", bob.auth()), 403)).isEqualTo("/problems/forbidden");
        assertThat(problem(api.delete(path(annsFirst), "Authorization", outsider.auth()), 404)).isEqualTo("/problems/not-found");
        String etag = api.get(path(annsFirst), "Authorization", ann.auth()).header("ETag");
        assertThat(api.json("PATCH", path(annsFirst), "{\"text\": \"first by Ann, edited\"}", "Authorization", ann.auth()).status())
                .isEqualTo(200);
        assertThat(problem(api.delete(path(annsFirst), "Authorization", ann.auth(), "If-Match", etag), 412))
                .isEqualTo("/problems/precondition-failed");

        ApiResponse byAuthor = api.delete(path(annsFirst), "Authorization", ann.auth());
        assertThat(byAuthor.status()).isEqualTo(204);
        assertThat(byAuthor.body()).isEmpty();
        ApiResponse byOwner = api.delete(path(bobs), "Authorization", owner.auth());
        assertThat(byOwner.status()).isEqualTo(204);

        for (String gone : List.of(annsFirst, bobs)) {
            assertThat(problem(api.get(path(gone), "Authorization", owner.auth()), 404)).isEqualTo("/problems/not-found");
            assertThat(problem(api.delete(path(gone), "Authorization", owner.auth()), 404)).isEqualTo("/problems/not-found");
        }
        JsonNode chatNow = get(api, bob, "/api/v1/chats/" + chat);
        assertThat(ids(chatNow.get("messages"))).containsExactly(annsSecond);
        assertThat(chatNow.get("chat").get("message_count").asInt()).isEqualTo(1);
        assertThat(chatNow.get("chat").get("last_message_at").asText())
                .isEqualTo(chatNow.get("messages").get(0).get("created_at").asText());
    }

    @Test
    void aMalformedOrUnknownMessageIdIs404OnEveryMessageRoute() {
        for (String id : List.of("not-a-uuid", "12345", "0190b8a0-0000-7000-8000-00000000dead")) {
            assertThat(problem(api.get(path(id), "Authorization", ann.auth()), 404)).as(id).isEqualTo("/problems/not-found");
            assertThat(problem(api.json("PATCH", path(id), "{\"text\": \"x\"}", "Authorization", ann.auth()), 404)).as(id)
                    .isEqualTo("/problems/not-found");
            assertThat(problem(api.delete(path(id), "Authorization", ann.auth()), 404)).as(id).isEqualTo("/problems/not-found");
        }
    }

    // --- stats

    @Test
    void statsCountMessagesPerDayAndPerAuthorWithinAnOptionalRangeOfDays() {
        String chat = id(chat(api, owner, "Counting", ann, bob));
        String stats = "/api/v1/chats/" + chat + "/stats";
        JsonNode empty = get(api, bob, stats);
        assertThat(empty.get("message_count").asInt()).isZero();
        assertThat(empty.get("first_message_at").isNull()).isTrue();
        assertThat(empty.get("last_message_at").isNull()).isTrue();
        assertThat(empty.get("per_day")).isEmpty();
        assertThat(empty.get("per_author")).isEmpty();

        List<JsonNode> posted = new ArrayList<>();
        for (User author : List.of(ann, owner, ann, bob, ann, owner)) {
            posted.add(message(api, author, chat, "counted"));
        }
        Map<LocalDate, Integer> perDay = new TreeMap<>();
        posted.forEach(message -> perDay.merge(Instant.parse(message.get("created_at").asText()).atZone(ZoneOffset.UTC)
                .toLocalDate(), 1, Integer::sum));

        JsonNode all = get(api, bob, stats);
        assertThat(all.get("message_count").asInt()).isEqualTo(6);
        assertThat(all.get("first_message_at")).isEqualTo(posted.get(0).get("created_at"));
        assertThat(all.get("last_message_at")).isEqualTo(posted.get(5).get("created_at"));
        List<String> days = new ArrayList<>();
        all.get("per_day").forEach(day -> {
            days.add(day.get("date").asText());
            assertThat(day.get("count").asInt()).isEqualTo(perDay.get(LocalDate.parse(day.get("date").asText())));
        });
        assertThat(days).containsExactlyElementsOf(perDay.keySet().stream().map(LocalDate::toString).toList());
        JsonNode perAuthor = all.get("per_author");
        assertThat(perAuthor).hasSize(3);
        assertThat(perAuthor.get(0).get("user_id").asText()).isEqualTo(ann.id());
        assertThat(perAuthor.get(0).get("count").asInt()).isEqualTo(3);
        assertThat(perAuthor.get(1).get("user_id").asText()).isEqualTo(owner.id());
        assertThat(perAuthor.get(1).get("count").asInt()).isEqualTo(2);
        assertThat(perAuthor.get(2).get("user_id").asText()).isEqualTo(bob.id());
        assertThat(perAuthor.get(2).get("count").asInt()).isEqualTo(1);

        LocalDate first = perDay.keySet().iterator().next();
        LocalDate lastDay = ((TreeMap<LocalDate, Integer>) perDay).lastKey();
        JsonNode inRange = get(api, bob, stats + "?from=" + first + "&to=" + lastDay);
        assertThat(inRange.get("message_count").asInt()).isEqualTo(6);
        JsonNode oneDay = get(api, bob, stats + "?from=" + lastDay + "&to=" + lastDay);
        assertThat(oneDay.get("message_count").asInt()).isEqualTo(perDay.get(lastDay));
        JsonNode later = get(api, bob, stats + "?from=" + lastDay.plusDays(1));
        assertThat(later.get("message_count").asInt()).isZero();
        assertThat(later.get("first_message_at").isNull()).isTrue();
        assertThat(later.get("per_day")).isEmpty();
        assertThat(later.get("per_author")).isEmpty();
        assertThat(get(api, bob, stats + "?to=" + first.minusDays(1)).get("message_count").asInt()).isZero();

        assertThat(errorFields(api.get(stats + "?from=" + lastDay.plusDays(1) + "&to=" + lastDay, "Authorization", bob.auth())))
                .containsExactly("from");
        assertThat(errorFields(api.get(stats + "?from=yesterday", "Authorization", bob.auth()))).containsExactly("from");
        assertThat(errorFields(api.get(stats + "?to=2026-02-30", "Authorization", bob.auth()))).containsExactly("to");
        assertThat(problem(api.get(stats, "Authorization", outsider.auth()), 404)).isEqualTo("/problems/not-found");
    }
}
