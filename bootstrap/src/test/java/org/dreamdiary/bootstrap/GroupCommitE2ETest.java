package org.dreamdiary.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dreamdiary.bootstrap.Chats.chat;
import static org.dreamdiary.bootstrap.Chats.get;
import static org.dreamdiary.bootstrap.Chats.id;
import static org.dreamdiary.bootstrap.Chats.post;
import static org.dreamdiary.bootstrap.Chats.user;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.dreamdiary.bootstrap.Chats.User;
import org.dreamdiary.testsupport.http.ApiClient.ApiResponse;
import org.junit.jupiter.api.Test;

/**
 * Many posts to one chat at once are committed together (README: Posting to a busy chat), and a client sees nothing
 * of it: each post is answered with its own message once committed, an outsider among the posters is refused as when
 * posting alone, and the chat holds every message once, ids in commit order.
 */
class GroupCommitE2ETest extends ServiceTest {
    private static final int POSTERS = 32;
    private static final int POSTS_EACH = 5;
    private static final int MEMBERS = 7;

    /** What one poster was answered, in the order it posted. */
    private record Answers(User user, List<ApiResponse> responses) {
    }

    @Test
    void thirtyTwoPostersAtOnceAreEachAnsweredWithTheirOwnMessageAndTheChatHoldsEveryOneInCommitOrder()
            throws Exception {
        User owner = user(api, "GroupOwner");
        List<User> members = new ArrayList<>();
        for (int i = 1; i < MEMBERS; i++) {
            members.add(user(api, "Group" + i));
        }
        User outsider = user(api, "GroupOutsider");
        String chat = id(chat(api, owner, "Rush hour", members.toArray(User[]::new)));
        List<User> users = new ArrayList<>(members);
        users.add(owner);
        users.add(outsider);
        JsonNode refusedAlone = post(api, outsider, chat, "alone").json();

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(POSTERS);
        List<Future<Answers>> posting = new ArrayList<>();
        try {
            for (int poster = 0; poster < POSTERS; poster++) {
                User user = users.get(poster % users.size());
                String prefix = "poster " + poster + " post ";
                posting.add(pool.submit((Callable<Answers>) () -> {
                    start.await();
                    List<ApiResponse> responses = new ArrayList<>();
                    for (int i = 0; i < POSTS_EACH; i++) {
                        responses.add(post(api, user, chat, prefix + i));
                    }
                    return new Answers(user, responses);
                }));
            }
            start.countDown();

            List<String> answered = new ArrayList<>();
            for (int poster = 0; poster < POSTERS; poster++) {
                Answers answers = posting.get(poster).get(60, TimeUnit.SECONDS);
                List<String> ownIds = new ArrayList<>();
                for (int i = 0; i < POSTS_EACH; i++) {
                    ApiResponse response = answers.responses().get(i);
                    if (answers.user().equals(outsider)) {
                        assertThat(response.status()).as(response.text()).isEqualTo(404);
                        assertThat(List.of(response.json().get("type"), response.json().get("title"),
                                response.json().get("detail")))
                                .as("refused as when posting alone").containsExactly(refusedAlone.get("type"),
                                        refusedAlone.get("title"), refusedAlone.get("detail"));
                        continue;
                    }
                    assertThat(response.status()).as(response.text()).isEqualTo(201);
                    JsonNode message = response.json();
                    assertThat(message.get("text").asText()).isEqualTo("poster " + poster + " post " + i);
                    assertThat(message.get("author_id").asText()).isEqualTo(answers.user().id());
                    assertThat(response.header("Location")).isEqualTo("/api/v1/messages/" + id(message));
                    ownIds.add(id(message));
                }
                List<String> sorted = new ArrayList<>(ownIds);
                Collections.sort(sorted);
                assertThat(ownIds).as("one poster's posts, one after the other, in id order").isEqualTo(sorted);
                answered.addAll(ownIds);
            }

            int memberPosts = POSTERS / users.size() * (users.size() - 1) * POSTS_EACH;
            assertThat(answered).hasSize(memberPosts).doesNotHaveDuplicates();
            List<JsonNode> listed = everyMessageOldestFirst(owner, chat);
            assertThat(listed.stream().map(Chats::id).toList()).as("every message once, in id order")
                    .containsExactlyInAnyOrderElementsOf(answered).isSortedAccordingTo(String::compareTo);
            for (int i = 1; i < listed.size(); i++) {
                assertThat(Instant.parse(listed.get(i).get("created_at").asText()))
                        .as("created at or after the one committed before it")
                        .isAfterOrEqualTo(Instant.parse(listed.get(i - 1).get("created_at").asText()));
            }
            assertThat(get(api, owner, "/api/v1/chats/" + chat).get("chat").get("message_count").asInt())
                    .isEqualTo(memberPosts);
            // rows written by one transaction share its id (xmin): fewer transactions than posts means batches
            assertThat(insertingTransactions(chat)).as("transactions that stored the messages")
                    .isBetween(1L, memberPosts - 1L);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Every message of the chat, read with cursor pages of 100 from the oldest on. */
    private List<JsonNode> everyMessageOldestFirst(User reader, String chat) {
        List<JsonNode> newestFirst = new ArrayList<>();
        String next = "/api/v1/chats/" + chat + "/messages?limit=100";
        while (next != null) {
            JsonNode page = get(api, reader, next);
            page.get("items").forEach(newestFirst::add);
            next = page.get("_links").get("next").isNull() ? null : page.get("_links").get("next").asText();
        }
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    private long insertingTransactions(String chat) throws SQLException {
        try (Connection connection = service.schema().connect();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT count(DISTINCT xmin::text) FROM messages WHERE chat_id = ?")) {
            statement.setObject(1, UUID.fromString(chat));
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
