package org.dreamdiary.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dreamdiary.bootstrap.Chats.chat;
import static org.dreamdiary.bootstrap.Chats.get;
import static org.dreamdiary.bootstrap.Chats.id;
import static org.dreamdiary.bootstrap.Chats.user;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.UUID;
import org.dreamdiary.bootstrap.Chats.User;
import org.junit.jupiter.api.Test;

/**
 * API.md §2 export of a large account: 20,000 diary entries and 20,000 messages in a chat of the user's, written by
 * SQL. The document is sent while it is read (no {@code Content-Length}; the response starts long before it ends)
 * and holds every row; its shape is that of the small exports the other tests check against the OpenAPI document.
 */
class ExportStreamingE2ETest extends ServiceTest {
    private static final int ROWS = 20_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void givenAnAccountOfFortyThousandRows_whenExported_thenTheDocumentStreamsOutWithEveryRow() throws Exception {
        User owner = user(api, "Prolific");
        String chat = id(chat(api, owner, "Long talk"));
        fill(owner, chat);

        HttpRequest request = HttpRequest.newBuilder(URI.create(service.baseUri() + "/api/v1/users/me/export"))
                .header("Authorization", owner.auth()).timeout(Duration.ofSeconds(60)).GET().build();
        long sent = System.nanoTime();
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        long started = System.nanoTime();
        byte[] body;
        try (InputStream in = response.body()) {
            body = in.readAllBytes();
        }
        long ended = System.nanoTime();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""))
                .isEqualTo("application/json;charset=utf-8");
        assertThat(response.headers().firstValue("Content-Length")).as("a body sent while it is read").isEmpty();
        long firstMillis = (started - sent) / 1_000_000;
        long totalMillis = (ended - sent) / 1_000_000;
        System.out.printf("export of %d diary entries and %d messages: %d bytes, response started after %d ms,"
                + " ended after %d ms%n", ROWS, ROWS, body.length, firstMillis, totalMillis);
        assertThat(firstMillis).as("the response starts before half of it is produced").isLessThan(totalMillis / 2);

        JsonNode export = JSON.readTree(body);
        assertThat(export.get("diary")).hasSize(ROWS);
        assertThat(export.get("diary").get(0).get("entry_date").asText()).isEqualTo("2026-11-20");
        assertThat(export.get("messages")).hasSize(ROWS);
        assertThat(export.get("chats")).singleElement().satisfies(archive -> {
            assertThat(archive.get("chat")).isEqualTo(get(api, owner, "/api/v1/chats/" + chat).get("chat"));
            assertThat(archive.get("messages")).hasSize(ROWS);
            assertThat(archive.get("messages").get(ROWS - 1)).isEqualTo(export.get("messages").get(ROWS - 1));
        });
    }

    private void fill(User owner, String chat) throws Exception {
        try (var connection = service.schema().connect()) {
            run(connection.prepareStatement("INSERT INTO diary_entries (id, owner_id, entry_date, text, mood, created_at,"
                    + " updated_at, version) SELECT gen_random_uuid(), ?, date '2026-11-21' - (1 + i / 3), 'Entry ' || i,"
                    + " 1 + i % 5, now(), now(), 1 FROM generate_series(1, ?) AS i"), owner.id());
            run(connection.prepareStatement("INSERT INTO messages (id, chat_id, author_id, text, created_at, version)"
                    + " SELECT lpad(to_hex(i), 32, '0')::uuid, '" + UUID.fromString(chat) + "', ?,"
                    + " 'Message number ' || i, timestamptz '2026-01-01 00:00:00Z' + i * interval '1 second', 1"
                    + " FROM generate_series(1, ?) AS i"), owner.id());
            try (var statement = connection.createStatement()) {
                statement.executeUpdate("UPDATE chats SET message_count = " + ROWS + ", last_message_at = timestamptz"
                        + " '2026-01-01 00:00:00Z' + " + ROWS + " * interval '1 second', last_message_id = lpad(to_hex("
                        + ROWS + "), 32, '0')::uuid WHERE id = '" + UUID.fromString(chat) + "'");
            }
        }
    }

    private static void run(PreparedStatement insert, String owner) throws Exception {
        try (insert) {
            insert.setObject(1, UUID.fromString(owner));
            insert.setInt(2, ROWS);
            assertThat(insert.executeUpdate()).isEqualTo(ROWS);
        }
    }
}
