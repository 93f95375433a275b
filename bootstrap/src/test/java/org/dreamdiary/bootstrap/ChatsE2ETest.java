package org.dreamdiary.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dreamdiary.bootstrap.Chats.addMember;
import static org.dreamdiary.bootstrap.Chats.chat;
import static org.dreamdiary.bootstrap.Chats.get;
import static org.dreamdiary.bootstrap.Chats.id;
import static org.dreamdiary.bootstrap.Chats.ids;
import static org.dreamdiary.bootstrap.Chats.message;
import static org.dreamdiary.bootstrap.Chats.problem;
import static org.dreamdiary.bootstrap.Chats.user;
import static org.dreamdiary.bootstrap.Planning.errorFields;
import static org.dreamdiary.bootstrap.Planning.quote;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.dreamdiary.bootstrap.Chats.User;
import org.dreamdiary.testsupport.http.ApiClient.ApiResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** API.md §6: chats and their members, every route and status, end to end. */
class ChatsE2ETest extends ServiceTest {
    private static final String UNKNOWN = "0190b8a0-0000-7000-8000-00000000dead";

    private User owner;
    private User ann;
    private User bob;
    private User cat;
    private User outsider;

    @BeforeAll
    void users() {
        owner = user(api, "ChatOwner");
        ann = user(api, "Ann");
        bob = user(api, "Bob");
        cat = user(api, "Cat");
        outsider = user(api, "Outsider");
    }

    private ApiResponse create(User caller, String json) {
        return api.json("POST", "/api/v1/chats", json, "Authorization", caller.auth());
    }

    private static String chatPath(String chat) {
        return "/api/v1/chats/" + chat;
    }

    // --- create

    @Test
    void creatingAChatAnswers201WithTheTrimmedTitleTheCreatorAsOwnerAndEveryMemberCounted() {
        ApiResponse response = create(owner, "{\"title\": \"  Weekend plans \\t\", \"member_ids\": [" + quote(ann.id()) + ", "
                + quote(bob.id()) + "]}");

        assertThat(response.status()).as(response.text()).isEqualTo(201);
        JsonNode chat = response.json();
        String self = chatPath(id(chat));
        assertThat(response.header("Location")).isEqualTo(self);
        assertThat(chat.get("title").asText()).isEqualTo("Weekend plans");
        assertThat(chat.get("owner_id").asText()).isEqualTo(owner.id());
        assertThat(chat.get("member_count").asInt()).isEqualTo(3);
        assertThat(chat.get("message_count").asInt()).isZero();
        assertThat(chat.get("last_message_at").isNull()).isTrue();
        assertThat(chat.get("_links").get("self").asText()).isEqualTo(self);
        assertThat(chat.get("_links").get("messages").asText()).isEqualTo(self + "/messages");
        assertThat(chat.get("_links").get("members").asText()).isEqualTo(self + "/members");

        // what the Location names is the chat, for the owner and for a member alike
        assertThat(get(api, owner, self).get("chat")).isEqualTo(chat);
        assertThat(get(api, ann, self).get("chat")).isEqualTo(chat);
        assertThat(ids(get(api, owner, self + "/members").get("items"))).first().isEqualTo(owner.id());
    }

    @Test
    void aChatWithoutMemberIdsHasItsOwnerAloneAndTheOwnersOwnIdAmongThemIsIgnored() {
        assertThat(chat(api, owner, "Alone").get("member_count").asInt()).isEqualTo(1);
        ApiResponse withSelf = create(owner, "{\"title\": \"Me and Ann\", \"member_ids\": [" + quote(owner.id()) + ", "
                + quote(ann.id()) + "]}");
        assertThat(withSelf.status()).as(withSelf.text()).isEqualTo(201);
        assertThat(withSelf.json().get("member_count").asInt()).isEqualTo(2);
    }

    @Test
    void titlesAreOneTo200CodePointsAfterTrimming() {
        String longest = "\uD83C\uDF19".repeat(200); // 200 code points, 400 UTF-16 chars
        ApiResponse atLimit = create(owner, "{\"title\": " + quote(longest) + "}");
        assertThat(atLimit.status()).as(atLimit.text()).isEqualTo(201);
        assertThat(atLimit.json().get("title").asText()).isEqualTo(longest);

        assertThat(errorFields(create(owner, "{\"title\": " + quote(longest + "!") + "}"))).containsExactly("title");
        assertThat(errorFields(create(owner, "{\"title\": \"\"}"))).containsExactly("title");
        assertThat(errorFields(create(owner, "{\"title\": \"   \"}"))).containsExactly("title");
        assertThat(errorFields(create(owner, "{\"title\": \"bell\\u0007\"}"))).containsExactly("title");
        assertThat(errorFields(create(owner, "{\"title\": null}"))).containsExactly("title");
        assertThat(errorFields(create(owner, "{}"))).containsExactly("title");
        assertThat(errorFields(create(owner, "{\"title\": 7, \"colour\": \"red\"}"))).containsExactlyInAnyOrder("title", "colour");
    }

    @Test
    void memberIdsThatNameNobodyOrRepeatAUserAre422AndCreateNothing() {
        User lonely = user(api, "Lonely");
        assertThat(errorFields(create(lonely, "{\"title\": \"Ghosts\", \"member_ids\": [" + quote(UNKNOWN) + "]}")))
                .containsExactly("member_ids");
        assertThat(errorFields(create(lonely, "{\"title\": \"Twice\", \"member_ids\": [" + quote(ann.id()) + ", "
                + quote(ann.id()) + "]}"))).containsExactly("member_ids");
        assertThat(errorFields(create(lonely, "{\"title\": \"Malformed\", \"member_ids\": [\"not-a-uuid\"]}")))
                .containsExactly("member_ids");
        assertThat(errorFields(create(lonely, "{\"title\": \"Not a list\", \"member_ids\": " + quote(ann.id()) + "}")))
                .containsExactly("member_ids");

        assertThat(get(api, lonely, "/api/v1/chats").get("_meta").get("total_items").asInt()).isZero();
        assertThat(get(api, ann, "/api/v1/chats?q=Ghosts").get("items")).isEmpty();
    }

    // --- list

    @Test
    void theChatListIsAPageOfTheCallersChatsMostRecentActivityFirstSearchableByTitleIgnoringCase() {
        User lister = user(api, "Lister");
        String oldest = id(chat(api, lister, "Book club"));
        String middle = id(chat(api, lister, "Holiday PLANS", ann));
        String newest = id(chat(api, owner, "Plans of the owner", lister));
        chat(api, owner, "Not for the lister", ann);

        JsonNode all = get(api, lister, "/api/v1/chats");
        assertThat(ids(all.get("items"))).containsExactly(newest, middle, oldest);
        assertThat(all.get("_meta").get("total_items").asInt()).isEqualTo(3);

        // a message makes the oldest chat the most recently active
        message(api, ann, middle, "bump");
        message(api, lister, oldest, "bump harder");
        assertThat(ids(get(api, lister, "/api/v1/chats").get("items"))).containsExactly(oldest, middle, newest);

        ApiResponse firstPage = api.get("/api/v1/chats?per_page=2", "Authorization", lister.auth());
        assertThat(firstPage.status()).isEqualTo(200);
        JsonNode page = firstPage.json();
        assertThat(ids(page.get("items"))).containsExactly(oldest, middle);
        assertThat(page.get("_meta").get("total_pages").asInt()).isEqualTo(2);
        assertThat(page.get("_links").get("next").asText()).isEqualTo("/api/v1/chats?page=2&per_page=2");
        assertThat(page.get("_links").get("prev").isNull()).isTrue();
        assertThat(firstPage.header("Link")).contains("</api/v1/chats?page=2&per_page=2>; rel=\"next\"");
        assertThat(ids(get(api, lister, page.get("_links").get("next").asText()).get("items"))).containsExactly(newest);

        JsonNode plans = get(api, lister, "/api/v1/chats?q=plAns&per_page=1");
        assertThat(ids(plans.get("items"))).containsExactly(middle);
        assertThat(plans.get("_meta").get("total_items").asInt()).isEqualTo(2);
        assertThat(plans.get("_links").get("next").asText()).isEqualTo("/api/v1/chats?q=plAns&page=2&per_page=1");
        JsonNode none = get(api, lister, "/api/v1/chats?q=zebra");
        assertThat(none.get("items")).isEmpty();
        assertThat(none.get("_meta").get("total_pages").asInt()).isZero();
        // LIKE wildcards are searched as text
        assertThat(get(api, lister, "/api/v1/chats?q=%25").get("items")).isEmpty();

        assertThat(errorFields(api.get("/api/v1/chats?per_page=0", "Authorization", lister.auth()))).containsExactly("per_page");
        assertThat(errorFields(api.get("/api/v1/chats?page=0", "Authorization", lister.auth()))).containsExactly("page");
    }

    // --- get

    @Test
    void gettingAChatGivesItsLatestMessagesNewestFirstTwentyByDefaultWithinALimitOf1To100() {
        String chat = id(chat(api, owner, "Chatty", ann));
        List<String> posted = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            posted.add(id(message(api, i % 2 == 0 ? owner : ann, chat, "message " + i)));
        }
        List<String> newestFirst = new ArrayList<>(posted);
        Collections.reverse(newestFirst);

        JsonNode overview = get(api, ann, chatPath(chat));
        assertThat(ids(overview.get("messages"))).containsExactlyElementsOf(newestFirst.subList(0, 20));
        assertThat(overview.get("chat").get("message_count").asInt()).isEqualTo(25);
        assertThat(overview.get("chat").get("last_message_at").asText())
                .isEqualTo(overview.get("messages").get(0).get("created_at").asText());
        assertThat(ids(get(api, ann, chatPath(chat) + "?limit=3").get("messages"))).containsExactlyElementsOf(newestFirst.subList(0, 3));
        assertThat(ids(get(api, ann, chatPath(chat) + "?limit=100").get("messages"))).containsExactlyElementsOf(newestFirst);
        assertThat(get(api, owner, chatPath(id(chat(api, owner, "Quiet")))).get("messages")).isEmpty();

        for (String limit : List.of("0", "101", "-1", "ten")) {
            assertThat(errorFields(api.get(chatPath(chat) + "?limit=" + limit, "Authorization", ann.auth())))
                    .as("limit=" + limit).containsExactly("limit");
        }
    }

    @Test
    void aChatsETagCoversItsMessagesButIfMatchOnlyTheChatsOwnVersion() {
        String chat = id(chat(api, owner, "Tagged", ann));
        message(api, owner, chat, "first");
        ApiResponse first = api.get(chatPath(chat), "Authorization", ann.auth());
        String etag = first.header("ETag");
        assertThat(etag).matches("\"[^\"]+\"");

        ApiResponse unchanged = api.get(chatPath(chat), "Authorization", ann.auth(), "If-None-Match", etag);
        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();

        message(api, ann, chat, "second");
        ApiResponse changed = api.get(chatPath(chat), "Authorization", ann.auth(), "If-None-Match", etag);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
        assertThat(changed.json().get("messages")).hasSize(2);
        // the chat itself is still at the version the old ETag carries, so a change based on it holds
        String title = "{\"title\": \"Tagged again\"}";
        assertThat(api.json("PATCH", chatPath(chat), title, "Authorization", owner.auth(), "If-Match", etag).status())
                .isEqualTo(200);
        changed = api.get(chatPath(chat), "Authorization", ann.auth());

        // a changed message changes it too, though the chat itself did not change
        String latest = changed.header("ETag");
        String edited = id(changed.json().get("messages").get(0));
        assertThat(api.json("PATCH", "/api/v1/messages/" + edited, "{\"text\": \"second, edited\"}", "Authorization", ann.auth())
                .status()).isEqualTo(200);
        assertThat(api.get(chatPath(chat), "Authorization", ann.auth(), "If-None-Match", latest).status()).isEqualTo(200);
    }

    // --- patch

    @Test
    void onlyTheOwnerRenamesAChatMembersGet403OutsidersGet404() {
        String chat = id(chat(api, owner, "Old name", ann));
        String etag = api.get(chatPath(chat), "Authorization", owner.auth()).header("ETag");

        ApiResponse byMember = api.json("PATCH", chatPath(chat), "{\"title\": \"Ann's name\"}", "Authorization", ann.auth());
        assertThat(problem(byMember, 403)).isEqualTo("/problems/forbidden");
        ApiResponse byOutsider = api.json("PATCH", chatPath(chat), "{\"title\": \"Taken over\"}", "Authorization", outsider.auth());
        assertThat(problem(byOutsider, 404)).isEqualTo("/problems/not-found");

        ApiResponse renamed = api.json("PATCH", chatPath(chat), "{\"title\": \"  New name  \"}", "Authorization", owner.auth(),
                "If-Match", etag);
        assertThat(renamed.status()).as(renamed.text()).isEqualTo(200);
        assertThat(renamed.json().get("title").asText()).isEqualTo("New name");
        assertThat(renamed.json().get("member_count").asInt()).isEqualTo(2);
        assertThat(get(api, ann, chatPath(chat)).get("chat").get("title").asText()).isEqualTo("New name");

        // the ETag read before the rename is stale now
        ApiResponse stale = api.json("PATCH", chatPath(chat), "{\"title\": \"Lost update\"}", "Authorization", owner.auth(),
                "If-Match", etag);
        assertThat(problem(stale, 412)).isEqualTo("/problems/precondition-failed");
        String current = api.get(chatPath(chat), "Authorization", owner.auth()).header("ETag");
        ApiResponse fresh = api.json("PATCH", chatPath(chat), "{\"title\": \"Newest name\"}", "Authorization", owner.auth(),
                "If-Match", current);
        assertThat(fresh.status()).as(fresh.text()).isEqualTo(200);

        assertThat(errorFields(api.json("PATCH", chatPath(chat), "{\"title\": " + quote("x".repeat(201)) + "}",
                "Authorization", owner.auth()))).containsExactly("title");
        assertThat(errorFields(api.json("PATCH", chatPath(chat), "{\"title\": null}", "Authorization", owner.auth())))
                .containsExactly("title");
        assertThat(errorFields(api.json("PATCH", chatPath(chat), "{\"owner_id\": " + quote(ann.id()) + "}",
                "Authorization", owner.auth()))).containsExactly("owner_id");
        JsonNode after = get(api, owner, chatPath(chat)).get("chat");
        assertThat(after.get("title").asText()).isEqualTo("Newest name");
        assertThat(after.get("owner_id").asText()).isEqualTo(owner.id());
    }

    // --- delete

    @Test
    void onlyTheOwnerDeletesAChatAndItsMessagesAndMembershipsGoWithIt() {
        String chat = id(chat(api, owner, "Short-lived", ann, bob));
        String byOwner = id(message(api, owner, chat, "from the owner"));
        String byAnn = id(message(api, ann, chat, "from Ann"));
        String etag = api.get(chatPath(chat), "Authorization", owner.auth()).header("ETag");

        assertThat(problem(api.delete(chatPath(chat), "Authorization", ann.auth()), 403)).isEqualTo("/problems/forbidden");
        assertThat(problem(api.delete(chatPath(chat), "Authorization", outsider.auth()), 404)).isEqualTo("/problems/not-found");
        message(api, bob, chat, "one more");
        // a message is not the chat's own state, a new title is: that makes the ETag read before it stale
        assertThat(api.json("PATCH", chatPath(chat), "{\"title\": \"Still short-lived\"}", "Authorization", owner.auth())
                .status()).isEqualTo(200);
        assertThat(problem(api.delete(chatPath(chat), "Authorization", owner.auth(), "If-Match", etag), 412))
                .isEqualTo("/problems/precondition-failed");
        assertThat(get(api, owner, chatPath(chat) + "/messages").get("items")).as("the refused delete kept them").hasSize(3);

        ApiResponse deleted = api.delete(chatPath(chat), "Authorization", owner.auth());
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();

        for (User who : List.of(owner, ann, bob)) {
            for (String path : List.of(chatPath(chat), chatPath(chat) + "/messages", chatPath(chat) + "/members",
                    chatPath(chat) + "/stats", "/api/v1/messages/" + byOwner, "/api/v1/messages/" + byAnn)) {
                assertThat(problem(api.get(path, "Authorization", who.auth()), 404)).as(path).isEqualTo("/problems/not-found");
            }
            assertThat(get(api, who, "/api/v1/chats").get("items").findValuesAsText("id")).doesNotContain(chat);
        }
        assertThat(problem(api.delete(chatPath(chat), "Authorization", owner.auth()), 404)).isEqualTo("/problems/not-found");
    }

    @Test
    void givenADeletedChat_thenItsMessagesAndMembershipsAreGoneFromTheTables() throws SQLException {
        assumeTrue(service.keepsDataInDatabase(), "looks at the tables of the database");
        String chat = id(chat(api, owner, "Wiped", ann, bob));
        message(api, owner, chat, "from the owner");
        message(api, ann, chat, "from Ann");
        assertThat(rows("SELECT count(*) FROM messages WHERE chat_id = ?", chat)).isEqualTo(2);

        assertThat(api.delete(chatPath(chat), "Authorization", owner.auth()).status()).isEqualTo(204);

        assertThat(rows("SELECT count(*) FROM messages WHERE chat_id = ?", chat)).isZero();
        assertThat(rows("SELECT count(*) FROM chat_members WHERE chat_id = ?", chat)).isZero();
    }

    // --- members

    @Test
    void membersArePublicProfilesInJoiningOrderWithTheOwnerFirst() {
        String chat = id(chat(api, owner, "Roll call", cat, ann, bob));
        JsonNode members = get(api, bob, chatPath(chat) + "/members");
        List<String> ids = ids(members.get("items"));
        assertThat(ids).hasSize(4).first().isEqualTo(owner.id());
        // those who joined together follow by id (canonical UUID text sorts as PostgreSQL sorts uuids)
        List<String> others = new ArrayList<>(List.of(ann.id(), bob.id(), cat.id()));
        Collections.sort(others);
        assertThat(ids.subList(1, 4)).containsExactlyElementsOf(others);
        assertThat(members.get("_meta").get("total_items").asInt()).isEqualTo(4);
        JsonNode first = members.get("items").get(0);
        assertThat(first.has("email")).isFalse();
        assertThat(first.get("_links").get("self").asText()).isEqualTo("/api/v1/users/" + owner.id());

        JsonNode paged = get(api, bob, chatPath(chat) + "/members?per_page=3&page=2");
        assertThat(ids(paged.get("items"))).containsExactly(ids.get(3));
        assertThat(paged.get("_links").get("prev").asText()).isEqualTo(chatPath(chat) + "/members?page=1&per_page=3");
        assertThat(errorFields(api.get(chatPath(chat) + "/members?per_page=101", "Authorization", bob.auth())))
                .containsExactly("per_page");
    }

    @Test
    void theOwnerAddsAMemberAndGets201WithTheirProfileButNoLocation() {
        String chat = id(chat(api, owner, "Growing", ann));

        ApiResponse added = api.json("POST", chatPath(chat) + "/members", "{\"user_id\": " + quote(cat.id()) + "}",
                "Authorization", owner.auth());
        assertThat(added.status()).as(added.text()).isEqualTo(201);
        assertThat(added.header("Location")).isNull();
        assertThat(added.json().get("id").asText()).isEqualTo(cat.id());
        assertThat(added.json().has("email")).isFalse();
        assertThat(ids(get(api, owner, chatPath(chat) + "/members").get("items"))).containsExactly(owner.id(), ann.id(), cat.id());
        assertThat(get(api, cat, chatPath(chat)).get("chat").get("member_count").asInt()).isEqualTo(3);

        ApiResponse again = api.json("POST", chatPath(chat) + "/members", "{\"user_id\": " + quote(cat.id()) + "}",
                "Authorization", owner.auth());
        assertThat(problem(again, 409)).isEqualTo("/problems/conflict");
        ApiResponse ownerAgain = api.json("POST", chatPath(chat) + "/members", "{\"user_id\": " + quote(owner.id()) + "}",
                "Authorization", owner.auth());
        assertThat(problem(ownerAgain, 409)).isEqualTo("/problems/conflict");
        assertThat(errorFields(api.json("POST", chatPath(chat) + "/members", "{\"user_id\": " + quote(UNKNOWN) + "}",
                "Authorization", owner.auth()))).containsExactly("user_id");
        assertThat(errorFields(api.json("POST", chatPath(chat) + "/members", "{\"user_id\": \"Bob\"}",
                "Authorization", owner.auth()))).containsExactly("user_id");
        assertThat(errorFields(api.json("POST", chatPath(chat) + "/members", "{}", "Authorization", owner.auth())))
                .containsExactly("user_id");

        ApiResponse byMember = api.json("POST", chatPath(chat) + "/members", "{\"user_id\": " + quote(bob.id()) + "}",
                "Authorization", ann.auth());
        assertThat(problem(byMember, 403)).isEqualTo("/problems/forbidden");
        ApiResponse byOutsider = api.json("POST", chatPath(chat) + "/members", "{\"user_id\": " + quote(outsider.id()) + "}",
                "Authorization", outsider.auth());
        assertThat(problem(byOutsider, 404)).isEqualTo("/problems/not-found");
        assertThat(get(api, owner, chatPath(chat)).get("chat").get("member_count").asInt()).isEqualTo(3);
    }

    @Test
    void theOwnerRemovesMembersMembersMayOnlyLeaveAndTheOwnerCannotLeave() {
        String chat = id(chat(api, owner, "Shrinking", ann, bob, cat));
        String members = chatPath(chat) + "/members/";

        assertThat(problem(api.delete(members + cat.id(), "Authorization", bob.auth()), 403)).isEqualTo("/problems/forbidden");
        assertThat(problem(api.delete(members + owner.id(), "Authorization", owner.auth()), 409)).isEqualTo("/problems/conflict");
        assertThat(problem(api.delete(members + owner.id(), "Authorization", ann.auth()), 403)).isEqualTo("/problems/forbidden");
        assertThat(problem(api.delete(members + outsider.id(), "Authorization", owner.auth()), 404)).isEqualTo("/problems/not-found");
        assertThat(problem(api.delete(members + "not-a-uuid", "Authorization", owner.auth()), 404)).isEqualTo("/problems/not-found");
        assertThat(problem(api.delete(members + ann.id(), "Authorization", outsider.auth()), 404)).isEqualTo("/problems/not-found");
        assertThat(get(api, owner, chatPath(chat)).get("chat").get("member_count").asInt()).isEqualTo(4);

        String annsMessage = id(message(api, ann, chat, "before I was removed"));
        ApiResponse removed = api.delete(members + ann.id(), "Authorization", owner.auth());
        assertThat(removed.status()).isEqualTo(204);
        assertThat(removed.body()).isEmpty();
        ApiResponse left = api.delete(members + bob.id(), "Authorization", bob.auth());
        assertThat(left.status()).isEqualTo(204);

        assertThat(ids(get(api, owner, chatPath(chat) + "/members").get("items"))).containsExactly(owner.id(), cat.id());
        assertThat(get(api, cat, chatPath(chat)).get("chat").get("member_count").asInt()).isEqualTo(2);
        for (User gone : List.of(ann, bob)) {
            assertThat(problem(api.get(chatPath(chat), "Authorization", gone.auth()), 404)).isEqualTo("/problems/not-found");
            assertThat(problem(api.get("/api/v1/messages/" + annsMessage, "Authorization", gone.auth()), 404))
                    .isEqualTo("/problems/not-found");
            assertThat(problem(Chats.post(api, gone, chat, "let me back in"), 404)).isEqualTo("/problems/not-found");
            assertThat(get(api, gone, "/api/v1/chats").get("items").findValuesAsText("id")).doesNotContain(chat);
        }
        // what a removed member wrote stays, under their name
        assertThat(get(api, cat, "/api/v1/messages/" + annsMessage).get("author_id").asText()).isEqualTo(ann.id());
        // a removed member can be added again
        addMember(api, owner, chat, ann);
        assertThat(get(api, ann, chatPath(chat)).get("chat").get("member_count").asInt()).isEqualTo(3);
    }

    private long rows(String sql, String chat) throws SQLException {
        try (Connection connection = service.schema().connect();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, UUID.fromString(chat));
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
