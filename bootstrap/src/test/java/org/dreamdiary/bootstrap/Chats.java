package org.dreamdiary.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dreamdiary.bootstrap.Planning.quote;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dreamdiary.testsupport.http.ApiClient;
import org.dreamdiary.testsupport.http.ApiClient.ApiResponse;

/** Test-data helpers for the end-to-end tests of chats and messages (API.md §6). */
final class Chats {
    private Chats() {
    }

    /** A signed-in user: id, access token and the matching {@code Authorization} value. */
    record User(String id, String token, String auth) {
    }

    static User user(ApiClient api, String prefix) {
        JsonNode registration = Accounts.register(api, Accounts.uniqueName(prefix));
        return new User(registration.get("user").get("id").asText(), registration.get("access_token").asText(),
                Accounts.bearer(registration));
    }

    /** Creates a chat owned by {@code owner} with these other members; expects 201 with a Location of the chat. */
    static JsonNode chat(ApiClient api, User owner, String title, User... members) {
        String ids = Stream.of(members).map(member -> quote(member.id())).collect(Collectors.joining(", "));
        ApiResponse response = api.json("POST", "/api/v1/chats",
                "{\"title\": " + quote(title) + ", \"member_ids\": [" + ids + "]}", "Authorization", owner.auth());
        return created(response, "/api/v1/chats/");
    }

    /** Posts a message; expects 201 with {@code Location: /api/v1/messages/{id}}. */
    static JsonNode message(ApiClient api, User author, String chatId, String text) {
        ApiResponse response = api.json("POST", "/api/v1/chats/" + chatId + "/messages", "{\"text\": " + quote(text) + "}",
                "Authorization", author.auth());
        return created(response, "/api/v1/messages/");
    }

    static ApiResponse post(ApiClient api, User author, String chatId, String text) {
        return api.json("POST", "/api/v1/chats/" + chatId + "/messages", "{\"text\": " + quote(text) + "}",
                "Authorization", author.auth());
    }

    static JsonNode addMember(ApiClient api, User owner, String chatId, User member) {
        ApiResponse response = api.json("POST", "/api/v1/chats/" + chatId + "/members",
                "{\"user_id\": " + quote(member.id()) + "}", "Authorization", owner.auth());
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.json();
    }

    static JsonNode get(ApiClient api, User caller, String path) {
        ApiResponse response = api.get(path, "Authorization", caller.auth());
        assertThat(response.status()).as(path + " " + response.text()).isEqualTo(200);
        return response.json();
    }

    /** The {@code id} of every element of a JSON array, in order. */
    static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    static String id(JsonNode resource) {
        return resource.get("id").asText();
    }

    /** The type of a problem answer, after checking its status. */
    static String problem(ApiResponse response, int status) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        return response.json().get("type").asText();
    }

    private static JsonNode created(ApiResponse response, String locationPrefix) {
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        JsonNode body = response.json();
        assertThat(response.header("Location")).isEqualTo(locationPrefix + body.get("id").asText())
                .isEqualTo(body.get("_links").get("self").asText());
        return body;
    }
}
