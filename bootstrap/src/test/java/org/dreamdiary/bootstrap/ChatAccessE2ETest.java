package org.dreamdiary.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dreamdiary.bootstrap.Chats.chat;
import static org.dreamdiary.bootstrap.Chats.get;
import static org.dreamdiary.bootstrap.Chats.id;
import static org.dreamdiary.bootstrap.Chats.message;
import static org.dreamdiary.bootstrap.Chats.problem;
import static org.dreamdiary.bootstrap.Chats.user;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.dreamdiary.bootstrap.Chats.User;
import org.dreamdiary.testsupport.http.ApiClient.ApiResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * API.md §1 "not yours" for §6: to a user who is not a member a chat and its messages do not exist (404 on every
 * route, 412 for a change under If-Match as for a deleted one; nothing changes); malformed ids are 404 too; without a
 * token every route is 401.
 */
class ChatAccessE2ETest extends ServiceTest {
    private User owner;
    private User member;
    private User outsider;
    private String chat;
    private String message;

    @BeforeAll
    void aChatWithAMessage() {
        owner = user(api, "AccessOwner");
        member = user(api, "AccessMember");
        outsider = user(api, "AccessOutsider");
        chat = id(chat(api, owner, "Members only", member));
        message = id(message(api, member, chat, "members only"));
    }

    /** Every route that names a chat or a message: method, path template, JSON body (or null). */
    static Stream<Arguments> chatAndMessageRoutes() {
        return Stream.of(
                Arguments.of("GET", "/api/v1/chats/{chat}", null),
                Arguments.of("GET", "/api/v1/chats/{chat}?limit=5", null),
                Arguments.of("PATCH", "/api/v1/chats/{chat}", "{\"title\": \"Hijacked\"}"),
                Arguments.of("DELETE", "/api/v1/chats/{chat}", null),
                Arguments.of("GET", "/api/v1/chats/{chat}/members", null),
                Arguments.of("POST", "/api/v1/chats/{chat}/members", "{\"user_id\": \"{outsider}\"}"),
                Arguments.of("DELETE", "/api/v1/chats/{chat}/members/{member}", null),
                Arguments.of("DELETE", "/api/v1/chats/{chat}/members/{outsider}", null),
                Arguments.of("POST", "/api/v1/chats/{chat}/messages", "{\"text\": \"intruding\"}"),
                Arguments.of("GET", "/api/v1/chats/{chat}/messages", null),
                Arguments.of("GET", "/api/v1/chats/{chat}/messages?after={message}", null),
                Arguments.of("GET", "/api/v1/chats/{chat}/stats", null),
                Arguments.of("GET", "/api/v1/chats/{chat}/live", null),
                Arguments.of("GET", "/api/v1/messages/{message}", null),
                Arguments.of("PATCH", "/api/v1/messages/{message}", "{\"text\": \"rewritten\"}"),
                Arguments.of("DELETE", "/api/v1/messages/{message}", null));
    }

    private String fill(String template, String chatId, String messageId) {
        return template.replace("{chat}", chatId).replace("{message}", messageId)
                .replace("{member}", member.id()).replace("{outsider}", outsider.id());
    }

    private ApiResponse call(String method, String path, String body, String... headers) {
        return body == null ? api.send(method, path, null, null, headers) : api.json(method, path, body, headers);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("chatAndMessageRoutes")
    void aUserWhoIsNotAMemberGets404AndChangesNothing(String method, String template, String body) {
        String before = api.get("/api/v1/chats/" + chat + "?limit=100", "Authorization", owner.auth()).header("ETag");
        String path = fill(template, chat, message);

        for (String[] headers : new String[][] {{"Authorization", outsider.auth()},
                {"Authorization", outsider.auth(), "If-Match", "*"}}) {
            ApiResponse response = call(method, path, body == null ? null : fill(body, chat, message), headers);
            // a change under If-Match of what the caller cannot see fails its precondition, as for a deleted one
            boolean conditionalChange = headers.length > 2 && (method.equals("PATCH")
                    || method.equals("DELETE") && !template.contains("/members/"));
            assertThat(problem(response, conditionalChange ? 412 : 404)).as(method + " " + path)
                    .isEqualTo(conditionalChange ? "/problems/precondition-failed" : "/problems/not-found");
            assertThat(response.text()).doesNotContain("Members only").doesNotContain(owner.id());
        }

        // the chat, its messages and its members are as they were; the outsider still has no chat
        assertThat(api.get("/api/v1/chats/" + chat + "?limit=100", "Authorization", owner.auth(), "If-None-Match", before)
                .status()).isEqualTo(304);
        assertThat(get(api, owner, "/api/v1/chats/" + chat + "/members").get("_meta").get("total_items").asInt()).isEqualTo(2);
        assertThat(get(api, outsider, "/api/v1/chats").get("items")).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("chatAndMessageRoutes")
    void aMalformedOrUnknownIdIs404NeverA500(String method, String template, String body) {
        for (String[] ids : new String[][] {{"not-a-uuid", "not-a-uuid"}, {"0190B8A0", "42"},
                {"0190b8a0-0000-7000-8000-00000000dead", "0190b8a0-0000-7000-8000-00000000beef"}}) {
            String path = fill(template, ids[0], template.startsWith("/api/v1/messages") ? ids[1] : message);
            ApiResponse response = call(method, path, body == null ? null : fill(body, ids[0], ids[1]),
                    "Authorization", member.auth());
            assertThat(problem(response, 404)).as(method + " " + path).isEqualTo("/problems/not-found");
        }
    }

    static Stream<Arguments> everyChatRoute() {
        return Stream.concat(Stream.of(Arguments.of("POST", "/api/v1/chats", "{\"title\": \"Anonymous\"}"),
                Arguments.of("GET", "/api/v1/chats", null)), chatAndMessageRoutes());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyChatRoute")
    void withoutAValidTokenEveryRouteIs401WithABearerChallenge(String method, String template, String body) {
        String path = fill(template, chat, message);
        String before = api.get("/api/v1/chats/" + chat + "?limit=100", "Authorization", owner.auth()).header("ETag");
        for (String[] headers : new String[][] {{}, {"Authorization", "Bearer not-a-token"},
                {"Authorization", owner.auth().replace("Bearer ", "Basic ")}}) {
            ApiResponse response = body == null ? api.send(method, path, null, null, headers)
                    : api.send(method, path, "application/json", fill(body, chat, message).getBytes(StandardCharsets.UTF_8),
                    headers);
            assertThat(problem(response, 401)).as(method + " " + path).isEqualTo("/problems/unauthorized");
            assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        }
        assertThat(api.get("/api/v1/chats/" + chat + "?limit=100", "Authorization", owner.auth(), "If-None-Match", before)
                .status()).isEqualTo(304);
    }
}
