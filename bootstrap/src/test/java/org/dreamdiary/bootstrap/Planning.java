package org.dreamdiary.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.dreamdiary.testsupport.http.ApiClient;
import org.dreamdiary.testsupport.http.ApiClient.ApiResponse;

/** Test-data helpers for the end-to-end tests of dreams, goals, tasks and the diary (API.md §3, §4). */
final class Planning {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Planning() {
    }

    /** {@code text} as a JSON string literal, quotes and escapes included. */
    static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode dream(ApiClient api, String auth, String name) {
        return created(api.json("POST", "/api/v1/dreams", "{\"name\": " + quote(name) + "}", "Authorization", auth));
    }

    static JsonNode dream(ApiClient api, String auth, String name, String description) {
        return created(api.json("POST", "/api/v1/dreams",
                "{\"name\": " + quote(name) + ", \"description\": " + quote(description) + "}", "Authorization", auth));
    }

    /** A goal formed from a dream, with the dream's name. */
    static JsonNode goalOf(ApiClient api, String auth, String dreamId) {
        return created(api.json("POST", "/api/v1/dreams/" + dreamId + "/goals", "{}", "Authorization", auth));
    }

    /** A goal with no dream. */
    static JsonNode goal(ApiClient api, String auth, String name) {
        return created(api.json("POST", "/api/v1/goals", "{\"name\": " + quote(name) + "}", "Authorization", auth));
    }

    static JsonNode task(ApiClient api, String auth, String goalId, String text) {
        return created(api.json("POST", "/api/v1/goals/" + goalId + "/tasks", "{\"text\": " + quote(text) + "}",
                "Authorization", auth));
    }

    static JsonNode task(ApiClient api, String auth, String goalId, String text, String dueDate) {
        return created(api.json("POST", "/api/v1/goals/" + goalId + "/tasks",
                "{\"text\": " + quote(text) + ", \"due_date\": " + (dueDate == null ? "null" : quote(dueDate)) + "}",
                "Authorization", auth));
    }

    static JsonNode entry(ApiClient api, String auth, String json) {
        return created(api.json("POST", "/api/v1/diary", json, "Authorization", auth));
    }

    /** PATCHes a resource without a precondition and expects 200. */
    static JsonNode patch(ApiClient api, String auth, String path, String json) {
        ApiResponse response = api.json("PATCH", path, json, "Authorization", auth);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    static JsonNode get(ApiClient api, String auth, String path) {
        ApiResponse response = api.get(path, "Authorization", auth);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    static JsonNode done(ApiClient api, String auth, JsonNode task, boolean done) {
        return patch(api, auth, "/api/v1/tasks/" + task.get("id").asText(), "{\"done\": " + done + "}");
    }

    static String id(JsonNode resource) {
        return resource.get("id").asText();
    }

    /** One field of every item of a page envelope, in order. */
    static List<String> items(JsonNode page, String field) {
        List<String> values = new ArrayList<>();
        page.get("items").forEach(item -> values.add(item.get(field).asText()));
        return values;
    }

    static List<String> errorFields(ApiResponse response) {
        assertThat(response.status()).as(response.text()).isEqualTo(422);
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }

    private static JsonNode created(ApiResponse response) {
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        JsonNode body = response.json();
        assertThat(response.header("Location")).isEqualTo(body.get("_links").get("self").asText());
        return body;
    }
}
