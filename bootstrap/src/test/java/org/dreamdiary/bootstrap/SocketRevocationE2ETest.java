package org.dreamdiary.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dreamdiary.bootstrap.Chats.chat;
import static org.dreamdiary.bootstrap.Chats.id;
import static org.dreamdiary.bootstrap.Chats.message;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.dreamdiary.bootstrap.Chats.User;
import org.dreamdiary.testsupport.http.ApiClient;
import org.dreamdiary.testsupport.http.ApiClient.ApiResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * API.md §6: a live socket is closed with {@code 4001} when its session ends (logout, password change, account
 * deletion, a refresh token presented twice), within a second, on every node. Two instances of the service share
 * one schema and the token secret; the session ends through node A, and its sockets on both nodes must close.
 * Each delay is measured from the moment the ending request was answered (the revocation has committed by then);
 * the time from sending it is reported too.
 */
class SocketRevocationE2ETest extends TwoNodesTest {
    private static final Duration WITHIN = Duration.ofSeconds(1);
    private static final int SESSION_ENDED = 4001;

    private final List<String> figures = new ArrayList<>();

    @AfterAll
    void printFigures() {
        System.out.println("socket revocation, ms until the close: " + figures);
    }

    /** A user signed in twice (a laptop and a phone), with a chat of its own to watch. */
    private final class TwoSessions {
        final String username = Accounts.uniqueName("Revoked");
        final JsonNode laptop = Accounts.register(a, username);
        final JsonNode phone = logIn();
        final User onLaptop = new User(laptop.get("user").get("id").asText(), laptop.get("access_token").asText(),
                Accounts.bearer(laptop));
        final User onPhone = new User(onLaptop.id(), phone.get("access_token").asText(), Accounts.bearer(phone));
        final String chat = id(chat(a, onLaptop, "Watched"));

        private JsonNode logIn() {
            ApiResponse response = a.json("POST", "/api/v1/tokens",
                    "{\"username\": \"" + username + "\", \"password\": \"" + Accounts.PASSWORD + "\"}");
            assertThat(response.status()).as(response.text()).isEqualTo(200);
            return response.json();
        }

        /** Sockets with this token on both nodes. */
        LiveSocket[] socketsOnBothNodes(User session) {
            return new LiveSocket[] {LiveSocket.withQueryToken(nodeA.baseUri(), chat, session.token()),
                    LiveSocket.withSubprotocol(nodeB.baseUri(), chat, session.token())};
        }
    }

    /** When the request that ends a session was sent and answered ({@link System#nanoTime()}). */
    private record Ending(long sentAt, long answeredAt) {
    }

    /** Sends the request that ends a session and expects {@code status}. */
    private static Ending ending(int status, Supplier<ApiResponse> request) {
        long sentAt = System.nanoTime();
        ApiResponse response = request.get();
        long answeredAt = System.nanoTime();
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        return new Ending(sentAt, answeredAt);
    }

    /** Each socket must be closed with 4001 within a second of the answer; the delays are kept as figures. */
    private void closedInTime(String what, Ending ending, LiveSocket... sockets) {
        String[] nodes = {"A", "B"};
        for (int i = 0; i < sockets.length; i++) {
            LiveSocket.Closed closed = sockets[i].awaitClose(Duration.ofSeconds(5));
            long millis = Math.max(0, (closed.atNanos() - ending.answeredAt()) / 1_000_000);
            figures.add(what + " on " + nodes[i] + ": " + (closed.atNanos() - ending.sentAt()) / 1_000_000
                    + " after the request, " + millis + " after the answer");
            assertThat(closed.code()).as("%s: close code on node %s", what, nodes[i]).isEqualTo(SESSION_ENDED);
            assertThat(millis).as("%s: ms until the socket on node %s closed", what, nodes[i])
                    .isLessThan(WITHIN.toMillis());
        }
    }

    private static void stillOpen(ApiClient api, TwoSessions user, LiveSocket... sockets) {
        JsonNode posted = message(api, user.onLaptop, user.chat, "still here?");
        for (LiveSocket socket : sockets) {
            assertThat(socket.next(Duration.ofSeconds(5)).get("data")).isEqualTo(posted);
        }
    }

    @Test
    void givenSocketsOnBothNodes_whenTheirSessionLogsOut_thenTheyCloseWith4001WithinASecondAndTheOtherSessionsStay() {
        phoneSocketsCloseWhileTheLaptopsStay("logout",
                user -> a.delete("/api/v1/tokens", "Authorization", user.onPhone.auth()));
    }

    @Test
    void givenSocketsOfTwoSessions_whenThePasswordChangesInOne_thenTheOthersCloseWith4001WithinASecond() {
        phoneSocketsCloseWhileTheLaptopsStay("password change", user -> a.json("PUT", "/api/v1/users/me/password",
                "{\"current_password\": \"" + Accounts.PASSWORD + "\", \"new_password\": \"another horse battery staple\"}",
                "Authorization", user.onLaptop.auth()));
    }

    /** {@code request} (answered 204) ends the phone's session but not the laptop's. */
    private void phoneSocketsCloseWhileTheLaptopsStay(String what, Function<TwoSessions, ApiResponse> request) {
        TwoSessions user = new TwoSessions();
        LiveSocket[] phone = user.socketsOnBothNodes(user.onPhone);
        LiveSocket[] laptop = user.socketsOnBothNodes(user.onLaptop);
        try {
            Ending at = ending(204, () -> request.apply(user));

            closedInTime(what, at, phone);
            stillOpen(a, user, laptop);
        } finally {
            closeAll(phone, laptop);
        }
    }

    @Test
    void givenSocketsOfTwoSessions_whenTheAccountIsDeleted_thenAllCloseWith4001WithinASecond() {
        TwoSessions user = new TwoSessions();
        LiveSocket[] phone = user.socketsOnBothNodes(user.onPhone);
        LiveSocket[] laptop = user.socketsOnBothNodes(user.onLaptop);
        try {
            Ending at = ending(204, () -> a.delete("/api/v1/users/me", "Authorization", user.onLaptop.auth()));

            closedInTime("account deletion", at, laptop);
            closedInTime("account deletion (other session)", at, phone);
        } finally {
            closeAll(phone, laptop);
        }
    }

    @Test
    void givenARefreshTokenPresentedTwice_whenRefused_thenItsSessionsSocketsCloseWith4001WithinASecond() {
        TwoSessions user = new TwoSessions();
        LiveSocket[] phone = user.socketsOnBothNodes(user.onPhone);
        String refresh = "{\"refresh_token\": \"" + user.phone.get("refresh_token").asText() + "\"}";
        try {
            assertThat(a.json("POST", "/api/v1/tokens/refresh", refresh).status()).isEqualTo(200);
            Ending at = ending(401, () -> a.json("POST", "/api/v1/tokens/refresh", refresh));

            closedInTime("refresh token reuse", at, phone);
        } finally {
            closeAll(phone);
        }
    }

    private static void closeAll(LiveSocket[]... groups) {
        for (LiveSocket[] group : groups) {
            for (LiveSocket socket : group) {
                socket.close();
            }
        }
    }
}
