package org.dreamdiary.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dreamdiary.bootstrap.Chats.chat;
import static org.dreamdiary.bootstrap.Chats.id;
import static org.dreamdiary.bootstrap.Chats.message;
import static org.dreamdiary.bootstrap.Chats.user;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.dreamdiary.bootstrap.Chats.User;
import org.dreamdiary.bootstrap.LiveSocket.Closed;
import org.dreamdiary.testsupport.http.ApiClient.ApiResponse;
import org.dreamdiary.testsupport.LogCapture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** API.md §6 {@code GET /api/v1/chats/{id}/live}: the WebSocket of a chat's events, through a real socket. */
class LiveChatE2ETest extends ServiceTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private User owner;
    private User member;
    private User other;
    private User outsider;

    @BeforeAll
    void users() {
        owner = user(api, "LiveOwner");
        member = user(api, "LiveMember");
        other = user(api, "LiveOther");
        outsider = user(api, "LiveOutsider");
    }

    private JsonNode event(LiveSocket socket, String kind) {
        JsonNode event = socket.next(WAIT);
        api.checkAgainstSchema("ChatEvent", event.toString());
        assertThat(event.get("event").asText()).as(event.toString()).isEqualTo(kind);
        return event.get("data");
    }

    @Test
    void aSocketOpenedWithAQueryTokenReceivesEveryChangeOfAMessageShapedAsTheDocumentSays() {
        String chat = id(chat(api, owner, "Live with a query token", member));
        String elsewhere = id(chat(api, owner, "Another chat", member));
        try (LiveSocket socket = LiveSocket.withQueryToken(service.baseUri(), chat, member.token())) {
            message(api, owner, elsewhere, "not for this socket");
            JsonNode posted = message(api, owner, chat, "Hello, live world");

            JsonNode created = event(socket, "message.created");
            api.checkAgainstSchema("Message", created.toString());
            assertThat(created).isEqualTo(posted);
            assertThat(created.get("edited_at").isNull()).isTrue();

            ApiResponse patch = api.json("PATCH", "/api/v1/messages/" + id(posted), "{\"text\": \"Hello, edited world\"}",
                    "Authorization", owner.auth());
            assertThat(patch.status()).as(patch.text()).isEqualTo(200);
            JsonNode updated = event(socket, "message.updated");
            api.checkAgainstSchema("Message", updated.toString());
            assertThat(updated).isEqualTo(patch.json());
            assertThat(updated.get("text").asText()).isEqualTo("Hello, edited world");
            assertThat(updated.get("edited_at").isTextual()).isTrue();

            assertThat(api.delete("/api/v1/messages/" + id(posted), "Authorization", owner.auth()).status()).isEqualTo(204);
            JsonNode deleted = event(socket, "message.deleted");
            assertThat(deleted.properties()).extracting(Map.Entry::getKey).containsExactlyInAnyOrder("id", "chat_id");
            assertThat(deleted.get("id").asText()).isEqualTo(id(posted));
            assertThat(deleted.get("chat_id").asText()).isEqualTo(chat);
            assertThat(socket.isClosed()).isFalse();
        }
    }

    @Test
    void aSocketOpenedWithTheBearerSubprotocolIsAnsweredWithBearerAndReceivesEvents() {
        String chat = id(chat(api, owner, "Live with a subprotocol", member));
        try (LiveSocket socket = LiveSocket.withSubprotocol(service.baseUri(), chat, member.token())) {
            assertThat(socket.subprotocol()).isEqualTo("bearer");
            JsonNode posted = message(api, member, chat, "my own message reaches me too");
            assertThat(event(socket, "message.created")).isEqualTo(posted);
        }
    }

    @Test
    void theTokenOfASocketNeverReachesTheLog() {
        String chat = id(chat(api, owner, "Quiet about tokens", member));
        try (LogCapture log = LogCapture.of("ROOT")) {
            try (LiveSocket byQuery = LiveSocket.withQueryToken(service.baseUri(), chat, member.token());
                 LiveSocket byProtocol = LiveSocket.withSubprotocol(service.baseUri(), chat, owner.token())) {
                message(api, owner, chat, "logged around, never with a token");
                event(byQuery, "message.created");
                event(byProtocol, "message.created");
            }
            assertThat(LiveSocket.refused(service.baseUri(), "/api/v1/chats/" + chat + "/live?access_token=" + outsider.token())
                    .getResponse().statusCode()).isEqualTo(404);

            assertThat(log.lines()).isNotEmpty();
            for (LogCapture.Line line : log.lines()) {
                assertThat(line.fullText()).doesNotContain(member.token()).doesNotContain(owner.token())
                        .doesNotContain(outsider.token());
            }
        }
    }

    @Test
    void deletingTheChatSendsChatDeletedAndThenClosesWith4004() {
        String chat = id(chat(api, owner, "Doomed", member));
        try (LiveSocket ofMember = LiveSocket.withQueryToken(service.baseUri(), chat, member.token());
             LiveSocket ofOwner = LiveSocket.withSubprotocol(service.baseUri(), chat, owner.token())) {
            assertThat(api.delete("/api/v1/chats/" + chat, "Authorization", owner.auth()).status()).isEqualTo(204);
            for (LiveSocket socket : List.of(ofMember, ofOwner)) {
                JsonNode gone = event(socket, "chat.deleted");
                assertThat(gone.properties()).extracting(Map.Entry::getKey).containsExactly("id");
                assertThat(gone.get("id").asText()).isEqualTo(chat);
                Closed closed = socket.awaitClose(WAIT);
                assertThat(closed.code()).isEqualTo(4004);
                assertThat(socket.waitingFrames()).isZero();
            }
        }
    }

    @Test
    void aRemovedMembersSocketClosesWith4003WhileTheOthersStayOpen() {
        String chat = id(chat(api, owner, "Shrinking", member, other));
        try (LiveSocket removed = LiveSocket.withQueryToken(service.baseUri(), chat, member.token());
             LiveSocket staying = LiveSocket.withQueryToken(service.baseUri(), chat, other.token())) {
            assertThat(api.delete("/api/v1/chats/" + chat + "/members/" + member.id(), "Authorization", owner.auth()).status())
                    .isEqualTo(204);
            assertThat(removed.awaitClose(WAIT).code()).isEqualTo(4003);

            JsonNode posted = message(api, owner, chat, "after the removal");
            assertThat(event(staying, "message.created")).isEqualTo(posted);
            assertThat(staying.isClosed()).isFalse();
            assertThat(removed.waitingFrames()).isZero();
        }
    }

    @Test
    void aMemberWhoLeavesHasTheirSocketClosedWith4003() {
        String chat = id(chat(api, owner, "Left behind", member));
        try (LiveSocket leaving = LiveSocket.withSubprotocol(service.baseUri(), chat, member.token())) {
            assertThat(api.delete("/api/v1/chats/" + chat + "/members/" + member.id(), "Authorization", member.auth()).status())
                    .isEqualTo(204);
            assertThat(leaving.awaitClose(WAIT).code()).isEqualTo(4003);
        }
    }

    @Test
    void upgradesAreRefusedWithAnHttpStatusBeforeAnySocketOpens() {
        String chat = id(chat(api, owner, "Guarded", member));
        String live = "/api/v1/chats/" + chat + "/live";
        assertThat(status(LiveSocket.refused(service.baseUri(), live + "?access_token=not-a-token"))).isEqualTo(401);
        assertThat(status(LiveSocket.refused(service.baseUri(), live))).isEqualTo(401);
        assertThat(status(LiveSocket.refused(service.baseUri(), live + "?access_token=" + outsider.token()))).isEqualTo(404);
        assertThat(status(LiveSocket.refused(service.baseUri(),
                "/api/v1/chats/not-a-uuid/live?access_token=" + member.token()))).isEqualTo(404);
        assertThat(status(LiveSocket.refused(service.baseUri(),
                "/api/v1/chats/0190b8a0-0000-7000-8000-00000000dead/live?access_token=" + member.token()))).isEqualTo(404);
    }

    @Test
    void aPlainGetOfTheLiveRouteIsABadRequestProblemForAMemberAndNotFoundForAnOutsider() {
        String chat = id(chat(api, owner, "Not a page", member));
        ApiResponse plain = api.get("/api/v1/chats/" + chat + "/live", "Authorization", member.auth());
        assertThat(Chats.problem(plain, 400)).isEqualTo("/problems/bad-request");
        assertThat(Chats.problem(api.get("/api/v1/chats/" + chat + "/live", "Authorization", outsider.auth()), 404))
                .isEqualTo("/problems/not-found");
        assertThat(Chats.problem(api.get("/api/v1/chats/" + chat + "/live"), 401)).isEqualTo("/problems/unauthorized");
    }

    @Test
    void theEventCheckRejectsEventsThatTheDocumentDoesNotDescribe() {
        String id = "0190b8a0-0000-7000-8000-00000000beef";
        api.checkAgainstSchema("ChatEvent", "{\"event\": \"message.deleted\", \"data\": {\"id\": \"" + id
                + "\", \"chat_id\": \"" + id + "\"}}");
        assertThatThrownBy(() -> api.checkAgainstSchema("ChatEvent", "{\"event\": \"message.deleted\", \"data\": {\"id\": \""
                + id + "\", \"chat_id\": \"" + id + "\", \"text\": \"extra\"}}")).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> api.checkAgainstSchema("ChatEvent", "{\"event\": \"message.created\", \"data\": {\"id\": \""
                + id + "\", \"chat_id\": \"" + id + "\"}}")).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> api.checkAgainstSchema("ChatEvent", "{\"event\": \"member.removed\", \"data\": {\"id\": \""
                + id + "\"}}")).isInstanceOf(AssertionError.class);
    }

    /**
     * A client that stops reading: the frames the TCP buffers take (here about 70 of these 20 kB frames) leave,
     * then events pile up on the server, and once more than 256 wait the socket is closed with 4008. Enough large
     * messages are posted that buffers several times larger would still leave more than 256 waiting.
     */
    @Test
    void aSocketWhoseClientStopsReadingIsClosedWith4008OnceMoreThan256EventsWait() throws Exception {
        String chat = id(chat(api, owner, "Firehose", member));
        String largest = "\uD83D\uDE00".repeat(5000); // 5000 code points, 20 kB of UTF-8
        int posted = 450;
        try (LiveSocket lagging = LiveSocket.notReading(service.baseUri(), chat, member.token())) {
            postConcurrently(chat, largest, posted, 4);

            lagging.startReading();
            Closed closed = lagging.awaitClose(WAIT);
            // frames are handed over in order, so every one that came before the close is here by now
            List<String> received = new ArrayList<>();
            for (String frame = lagging.nextFrame(Duration.ZERO); frame != null; frame = lagging.nextFrame(Duration.ZERO)) {
                received.add(frame);
            }
            assertThat(closed.code()).isEqualTo(4008);
            assertThat(closed.reason()).contains("too slow");
            assertThat(received.size()).as("frames that left before the close").isBetween(1, posted - 257);

            // what did arrive are the chat's first messages, in order, without a gap
            List<String> receivedIds = new ArrayList<>();
            for (String frame : received) {
                api.checkAgainstSchema("ChatEvent", frame);
                JsonNode event = JSON.readTree(frame);
                assertThat(event.get("event").asText()).isEqualTo("message.created");
                receivedIds.add(event.get("data").get("id").asText());
            }
            JsonNode oldest = Chats.get(api, member, "/api/v1/chats/" + chat + "/messages?limit=100&after="
                    + "00000000-0000-0000-0000-000000000000");
            assertThat(Chats.ids(oldest.get("items")).subList(0, receivedIds.size())).isEqualTo(receivedIds);
        }
        // the client may reconnect and is served again
        try (LiveSocket again = LiveSocket.withQueryToken(service.baseUri(), chat, member.token())) {
            JsonNode caughtUp = message(api, owner, chat, "caught up");
            assertThat(event(again, "message.created")).isEqualTo(caughtUp);
        }
    }

    /** Posts {@code count} messages from {@code threads} threads, without checking each answer against the document. */
    private void postConcurrently(String chat, String text, int count, int threads) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String body = "{\"text\": " + Planning.quote(text) + "}";
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                statuses.add(pool.submit(() -> http.send(HttpRequest.newBuilder(
                                service.baseUri().resolve("/api/v1/chats/" + chat + "/messages"))
                        .header("Authorization", owner.auth()).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode()));
            }
            for (Future<Integer> status : statuses) {
                assertThat(status.get(30, TimeUnit.SECONDS)).isEqualTo(201);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static int status(WebSocketHandshakeException refusal) {
        return refusal.getResponse().statusCode();
    }
}
