package org.dreamdiary.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.dreamdiary.testsupport.http.ApiClient;
import org.dreamdiary.testsupport.http.ApiClient.ApiResponse;

/** Test-data helpers for end-to-end tests that need signed-in users. */
final class Accounts {
    static final String PASSWORD = "correct horse battery staple";

    private Accounts() {
    }

    /** A fresh username nobody else in the schema has. */
    static String uniqueName(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Registers a user and returns the registration body (user, access_token, refresh_token, ...). */
    static JsonNode register(ApiClient api, String username) {
        ApiResponse response = api.json("POST", "/api/v1/users",
                "{\"username\": \"" + username + "\", \"password\": \"" + PASSWORD + "\"}");
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.json();
    }

    static String bearer(JsonNode tokens) {
        return "Bearer " + tokens.get("access_token").asText();
    }
}
