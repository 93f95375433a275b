package org.dreamdiary.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dreamdiary.bootstrap.Chats.chat;
import static org.dreamdiary.bootstrap.Chats.get;
import static org.dreamdiary.bootstrap.Chats.id;
import static org.dreamdiary.bootstrap.Chats.message;
import static org.dreamdiary.bootstrap.Chats.user;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.dreamdiary.bootstrap.Chats.User;
import org.dreamdiary.testsupport.http.ApiClient.ApiResponse;
import org.junit.jupiter.api.Test;

/**
 * API.md §6 "an event reaches every subscriber of the chat whichever server node they are connected to": two
 * instances of the service on one database schema, sharing the token secret as a cluster would.
 */
class TwoNodesE2ETest extends TwoNodesTest {
    private static final Duration WITHIN = Duration.ofSeconds(1);

    /** The next event on {@code socket}, which must arrive within one second of {@code sentAt}; its latency in ms. */
    private long arrivesInTime(LiveSocket socket, long sentAt, String kind, List<JsonNode> into) {
        JsonNode event = socket.next(WITHIN);
        long millis = (System.nanoTime() - sentAt) / 1_000_000;
        a.checkAgainstSchema("ChatEvent", event.toString());
        assertThat(event.get("event").asText()).isEqualTo(kind);
        assertThat(millis).as("%s took %d ms from the request on one node to the socket on the other", kind, millis)
                .isLessThan(WITHIN.toMillis());
        into.add(event.get("data"));
        return millis;
    }

    @Test
    void bothNodesServeTheSameDataAndAcceptTheSameTokens() {
        User onA = user(a, "NodeA");
        User onB = user(b, "NodeB");
        JsonNode created = chat(a, onA, "Made on A", onB);

        assertThat(get(b, onA, "/api/v1/users/me").get("id").asText()).isEqualTo(onA.id());
        assertThat(get(b, onB, "/api/v1/chats/" + id(created)).get("chat")).isEqualTo(created);
        JsonNode posted = message(b, onB, id(created), "written on B");
        assertThat(get(a, onA, "/api/v1/messages/" + id(posted))).isEqualTo(posted);
    }

    @Test
    void aSubscriberOnNodeBGetsWithinOneSecondWhatIsPostedEditedAndDeletedOnNodeA() {
        User writer = user(a, "Writer");
        User reader = user(b, "Reader");
        String chat = id(chat(a, writer, "Across nodes", reader));
        List<Long> latencies = new ArrayList<>();
        List<JsonNode> received = new ArrayList<>();
        try (LiveSocket onB = LiveSocket.withQueryToken(nodeB.baseUri(), chat, reader.token())) {
            // a first message warms both nodes up; it must arrive too
            JsonNode warmUp = message(a, writer, chat, "warming up");
            assertThat(onB.next(Duration.ofSeconds(5)).get("data")).isEqualTo(warmUp);

            List<JsonNode> posted = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                long sentAt = System.nanoTime();
                posted.add(message(a, writer, chat, "from node A, number " + i));
                latencies.add(arrivesInTime(onB, sentAt, "message.created", received));
            }
            assertThat(received).containsExactlyElementsOf(posted);

            long editedAt = System.nanoTime();
            ApiResponse edit = a.json("PATCH", "/api/v1/messages/" + id(posted.get(0)), "{\"text\": \"edited on A\"}",
                    "Authorization", writer.auth());
            assertThat(edit.status()).isEqualTo(200);
            latencies.add(arrivesInTime(onB, editedAt, "message.updated", received));
            assertThat(received.get(received.size() - 1)).isEqualTo(edit.json());

            long deletedAt = System.nanoTime();
            assertThat(a.delete("/api/v1/messages/" + id(posted.get(1)), "Authorization", writer.auth()).status()).isEqualTo(204);
            latencies.add(arrivesInTime(onB, deletedAt, "message.deleted", received));
            assertThat(received.get(received.size() - 1).get("id").asText()).isEqualTo(id(posted.get(1)));
            assertThat(received.get(received.size() - 1).get("chat_id").asText()).isEqualTo(chat);
        }
        System.out.println("two nodes: request on A to event on B, ms: " + latencies);
    }

    @Test
    void removalsAndDeletionsOnOneNodeCloseSocketsOnTheOther() {
        User owner = user(b, "OwnerOnB");
        User member = user(a, "MemberOnA");
        String chat = id(chat(b, owner, "Closing across nodes", member));
        try (LiveSocket ownersSocket = LiveSocket.withSubprotocol(nodeA.baseUri(), chat, owner.token());
             LiveSocket membersSocket = LiveSocket.withQueryToken(nodeA.baseUri(), chat, member.token())) {
            assertThat(b.delete("/api/v1/chats/" + chat + "/members/" + member.id(), "Authorization", owner.auth()).status())
                    .isEqualTo(204);
            assertThat(membersSocket.awaitClose(Duration.ofSeconds(5)).code()).isEqualTo(4003);

            assertThat(b.delete("/api/v1/chats/" + chat, "Authorization", owner.auth()).status()).isEqualTo(204);
            JsonNode gone = ownersSocket.next(Duration.ofSeconds(5));
            assertThat(gone.get("event").asText()).isEqualTo("chat.deleted");
            assertThat(gone.get("data").get("id").asText()).isEqualTo(chat);
            assertThat(ownersSocket.awaitClose(Duration.ofSeconds(5)).code()).isEqualTo(4004);
        }
    }
}
