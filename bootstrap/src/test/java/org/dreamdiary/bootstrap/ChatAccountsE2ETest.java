package org.dreamdiary.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dreamdiary.bootstrap.Chats.chat;
import static org.dreamdiary.bootstrap.Chats.get;
import static org.dreamdiary.bootstrap.Chats.id;
import static org.dreamdiary.bootstrap.Chats.ids;
import static org.dreamdiary.bootstrap.Chats.message;
import static org.dreamdiary.bootstrap.Chats.problem;
import static org.dreamdiary.bootstrap.Chats.user;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.dreamdiary.bootstrap.Chats.User;
import org.junit.jupiter.api.Test;

/** API.md §2 and §6 together: what deleting an account does to chats and messages, and what the export holds of them. */
class ChatAccountsE2ETest extends ServiceTest {

    private void deleteAccount(User user) {
        assertThat(api.delete("/api/v1/users/me", "Authorization", user.auth()).status()).isEqualTo(204);
    }

    @Test
    void aMemberWhoDeletesTheirAccountLeavesTheirMessagesBehindWithoutAnAuthor() {
        User owner = user(api, "Stays");
        User leaving = user(api, "Leaves");
        User third = user(api, "Third");
        String chat = id(chat(api, owner, "Left with words", leaving, third));
        String before = id(message(api, owner, chat, "hello"));
        String first = id(message(api, leaving, chat, "I was here"));
        String second = id(message(api, leaving, chat, "and here"));

        deleteAccount(leaving);

        for (String written : List.of(first, second)) {
            JsonNode orphan = get(api, third, "/api/v1/messages/" + written);
            assertThat(orphan.get("author_id").isNull()).isTrue();
            assertThat(orphan.get("text").asText()).isIn("I was here", "and here");
        }
        JsonNode overview = get(api, owner, "/api/v1/chats/" + chat);
        assertThat(overview.get("chat").get("member_count").asInt()).isEqualTo(2);
        assertThat(overview.get("chat").get("message_count").asInt()).isEqualTo(3);
        assertThat(ids(overview.get("messages"))).containsExactly(second, first, before);
        assertThat(overview.get("messages").get(2).get("author_id").asText()).isEqualTo(owner.id());
        assertThat(ids(get(api, owner, "/api/v1/chats/" + chat + "/members").get("items"))).containsExactly(owner.id(), third.id());

        JsonNode perAuthor = get(api, owner, "/api/v1/chats/" + chat + "/stats").get("per_author");
        assertThat(perAuthor).hasSize(2);
        assertThat(perAuthor.get(0).get("user_id").isNull()).isTrue();
        assertThat(perAuthor.get(0).get("count").asInt()).isEqualTo(2);
        assertThat(perAuthor.get(1).get("user_id").asText()).isEqualTo(owner.id());

        // an orphaned message is still the owner's to delete, and nobody's to edit
        assertThat(problem(api.json("PATCH", "/api/v1/messages/" + first, "{\"text\": \"not mine\"}", "Authorization",
                third.auth()), 403)).isEqualTo("/problems/forbidden");
        assertThat(api.delete("/api/v1/messages/" + first, "Authorization", owner.auth()).status()).isEqualTo(204);
    }

    @Test
    void anOwnerWhoDeletesTheirAccountTakesTheirChatsWithThemButNotOtherChats() {
        User owner = user(api, "Departing");
        User member = user(api, "Remaining");
        String owned = id(chat(api, owner, "Goes with its owner", member));
        String membersOwn = id(chat(api, member, "Belongs to the member", owner));
        String inOwned = id(message(api, member, owned, "written in the departing owner's chat"));
        String inOther = id(message(api, owner, membersOwn, "written by the departing owner elsewhere"));

        deleteAccount(owner);

        assertThat(problem(api.get("/api/v1/chats/" + owned, "Authorization", member.auth()), 404)).isEqualTo("/problems/not-found");
        assertThat(problem(api.get("/api/v1/messages/" + inOwned, "Authorization", member.auth()), 404))
                .isEqualTo("/problems/not-found");
        assertThat(ids(get(api, member, "/api/v1/chats").get("items"))).containsExactly(membersOwn);
        JsonNode remaining = get(api, member, "/api/v1/chats/" + membersOwn);
        assertThat(remaining.get("chat").get("member_count").asInt()).isEqualTo(1);
        assertThat(remaining.get("messages").get(0).get("id").asText()).isEqualTo(inOther);
        assertThat(remaining.get("messages").get(0).get("author_id").isNull()).isTrue();
    }

    @Test
    void theExportHoldsTheChatsYouOwnWithAllTheirMessagesAndEveryMessageYouWroteOldestFirst() {
        User me = user(api, "Exporter");
        User friend = user(api, "Friend");
        String mine = id(chat(api, me, "My chat", friend));
        String theirs = id(chat(api, friend, "Friend's chat", me));
        id(chat(api, friend, "Not mine at all"));
        List<String> inMine = new ArrayList<>();
        List<String> mineWritten = new ArrayList<>();
        inMine.add(id(message(api, me, mine, "one")));
        mineWritten.add(inMine.get(0));
        inMine.add(id(message(api, friend, mine, "two")));
        String elsewhere = id(message(api, me, theirs, "three"));
        mineWritten.add(elsewhere);
        message(api, friend, theirs, "four");
        inMine.add(id(message(api, me, mine, "five")));
        mineWritten.add(inMine.get(2));
        assertThat(api.json("PATCH", "/api/v1/messages/" + elsewhere, "{\"text\": \"three, edited\"}", "Authorization", me.auth())
                .status()).isEqualTo(200);

        JsonNode export = get(api, me, "/api/v1/users/me/export");

        JsonNode chats = export.get("chats");
        assertThat(chats).hasSize(1);
        assertThat(chats.get(0).get("chat")).isEqualTo(get(api, me, "/api/v1/chats/" + mine).get("chat"));
        assertThat(ids(chats.get(0).get("messages"))).containsExactlyElementsOf(inMine);
        assertThat(chats.get(0).get("messages").get(1).get("author_id").asText()).isEqualTo(friend.id());

        assertThat(ids(export.get("messages"))).containsExactlyElementsOf(mineWritten);
        export.get("messages").forEach(message -> assertThat(message.get("author_id").asText()).isEqualTo(me.id()));
        assertThat(export.get("messages").get(1).get("text").asText()).isEqualTo("three, edited");
        assertThat(export.get("messages").get(1)).isEqualTo(get(api, me, "/api/v1/messages/" + elsewhere));

        JsonNode friends = get(api, friend, "/api/v1/users/me/export");
        assertThat(friends.get("chats")).hasSize(2);
        assertThat(friends.get("messages")).hasSize(2);
    }

    @Test
    void deletingAnAccountDeletesItsChatsForTheirSocketsAndEndsItsOwnSocketsAsItsSessionsEnd() {
        User owner = user(api, "SocketOwner");
        User member = user(api, "SocketMember");
        String owned = id(chat(api, owner, "Closed by the account's end", member));
        String other = id(chat(api, member, "The member's own chat", owner));
        try (LiveSocket watchingOwned = LiveSocket.withQueryToken(service.baseUri(), owned, member.token());
             LiveSocket ownersOwnSocket = LiveSocket.withQueryToken(service.baseUri(), other, owner.token());
             LiveSocket watchingOther = LiveSocket.withQueryToken(service.baseUri(), other, member.token())) {
            deleteAccount(owner);

            JsonNode gone = watchingOwned.next(Duration.ofSeconds(5));
            api.checkAgainstSchema("ChatEvent", gone.toString());
            assertThat(gone.get("event").asText()).isEqualTo("chat.deleted");
            assertThat(gone.get("data").get("id").asText()).isEqualTo(owned);
            assertThat(watchingOwned.awaitClose(Duration.ofSeconds(5)).code()).isEqualTo(4004);
            // the deleted user's own socket closes as its session ends
            assertThat(ownersOwnSocket.awaitClose(Duration.ofSeconds(5)).code()).isEqualTo(4001);

            // the other chat goes on
            JsonNode posted = message(api, member, other, "still here");
            assertThat(watchingOther.next(Duration.ofSeconds(5)).get("data")).isEqualTo(posted);
        }
    }
}
