package org.dreamdiary.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dreamdiary.bootstrap.Accounts.bearer;
import static org.dreamdiary.bootstrap.Accounts.register;
import static org.dreamdiary.bootstrap.Accounts.uniqueName;
import static org.dreamdiary.bootstrap.Planning.errorFields;
import static org.dreamdiary.bootstrap.Planning.get;
import static org.dreamdiary.bootstrap.Planning.goal;
import static org.dreamdiary.bootstrap.Planning.id;
import static org.dreamdiary.bootstrap.Planning.patch;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.dreamdiary.testsupport.http.ApiClient.ApiResponse;
import org.junit.jupiter.api.Test;

/**
 * Attachments held by dreams, tasks and diary entries, and the avatar, over a real socket: the caller's own are
 * rendered in full and in order, anybody else's are 422. The attachments' rows are written straight into the
 * database, so these tests stand apart from the upload routes.
 */
class HeldAttachmentsE2ETest extends ServiceTest {
    private static final String SHA = "9f".repeat(32);

    private record Caller(String auth, UUID id) {
    }

    private Caller newCaller() {
        JsonNode registered = register(api, uniqueName("Holder"));
        return new Caller(bearer(registered), UUID.fromString(registered.get("user").get("id").asText()));
    }

    /** A PNG's metadata of the owner's, as an upload would have stored it. */
    private UUID image(UUID owner) throws SQLException {
        return insert(owner, "INSERT INTO attachments (id, owner_id, kind, content_type, size_bytes, sha256, width, height,"
                + " filename, created_at) VALUES (?, ?, 'image', 'image/png', 2048, '" + SHA + "', 640, 480, 'сад.png', ?)");
    }

    private UUID link(UUID owner) throws SQLException {
        return insert(owner, "INSERT INTO attachments (id, owner_id, kind, url, created_at)"
                + " VALUES (?, ?, 'link', 'https://example.com/route', ?)");
    }

    private UUID insert(UUID owner, String sql) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection connection = service.schema().connect(); PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setObject(1, id);
            insert.setObject(2, owner);
            insert.setTimestamp(3, Timestamp.from(Instant.parse("2026-11-21T10:30:00.123Z")));
            insert.executeUpdate();
        }
        return id;
    }

    private static String ids(UUID... ids) {
        List<String> quoted = new ArrayList<>();
        for (UUID id : ids) {
            quoted.add("\"" + id + "\"");
        }
        return "[" + String.join(", ", quoted) + "]";
    }

    private static List<String> attachmentIds(JsonNode resource) {
        List<String> ids = new ArrayList<>();
        resource.get("attachments").forEach(attachment -> ids.add(attachment.get("id").asText()));
        return ids;
    }

    @Test
    void aDreamHoldsTheCallersAttachmentsInOrderRenderedInFullInEveryView() throws SQLException {
        Caller alice = newCaller();
        UUID photo = image(alice.id());
        UUID route = link(alice.id());

        ApiResponse created = api.json("POST", "/api/v1/dreams",
                "{\"name\": \"Garden\", \"attachment_ids\": " + ids(route, photo) + "}", "Authorization", alice.auth());

        assertThat(created.status()).isEqualTo(201);
        JsonNode dream = created.json();
        assertThat(attachmentIds(dream)).containsExactly(route.toString(), photo.toString());
        JsonNode picture = dream.get("attachments").get(1);
        assertThat(picture.get("kind").asText()).isEqualTo("image");
        assertThat(picture.get("content_type").asText()).isEqualTo("image/png");
        assertThat(picture.get("width").asInt()).isEqualTo(640);
        assertThat(picture.get("filename").asText()).isEqualTo("сад.png");
        assertThat(picture.get("content_url").asText()).isEqualTo("/api/v1/attachments/" + photo + "/content");
        JsonNode linked = dream.get("attachments").get(0);
        assertThat(linked.get("url").asText()).isEqualTo("https://example.com/route");
        assertThat(linked.get("content_url").isNull()).isTrue();
        assertThat(attachmentIds(get(api, alice.auth(), "/api/v1/dreams/" + id(dream)))).containsExactly(route.toString(),
                photo.toString());
        assertThat(attachmentIds(get(api, alice.auth(), "/api/v1/dreams").get("items").get(0)))
                .containsExactly(route.toString(), photo.toString());

        JsonNode replaced = patch(api, alice.auth(), "/api/v1/dreams/" + id(dream), "{\"attachment_ids\": " + ids(photo) + "}");
        assertThat(attachmentIds(replaced)).containsExactly(photo.toString());
        JsonNode renamed = patch(api, alice.auth(), "/api/v1/dreams/" + id(dream), "{\"name\": \"Garden, blooming\"}");
        assertThat(attachmentIds(renamed)).as("kept when not named").containsExactly(photo.toString());
    }

    @Test
    void anotherUsersAttachmentIs422OnAttachmentIdsForDreamsTasksAndTheDiary() throws SQLException {
        Caller alice = newCaller();
        Caller bob = newCaller();
        UUID bobs = image(bob.id());
        String goalId = id(goal(api, alice.auth(), "Run"));

        for (ApiResponse refused : List.of(
                api.json("POST", "/api/v1/dreams", "{\"name\": \"x\", \"attachment_ids\": " + ids(bobs) + "}",
                        "Authorization", alice.auth()),
                api.json("POST", "/api/v1/goals/" + goalId + "/tasks", "{\"text\": \"x\", \"attachment_ids\": " + ids(bobs) + "}",
                        "Authorization", alice.auth()),
                api.json("POST", "/api/v1/diary", "{\"text\": \"x\", \"attachment_ids\": " + ids(bobs) + "}",
                        "Authorization", alice.auth()))) {
            assertThat(refused.status()).isEqualTo(422);
            assertThat(errorFields(refused)).containsExactly("attachment_ids");
            assertThat(refused.json().get("errors").get(0).get("message").asText())
                    .isEqualTo("item 0 names no attachment of yours");
        }
        assertThat(get(api, alice.auth(), "/api/v1/dreams").get("_meta").get("total_items").asInt()).isZero();
    }

    @Test
    void aTaskAndADiaryEntryHoldTheCallersAttachments() throws SQLException {
        Caller alice = newCaller();
        UUID photo = image(alice.id());
        UUID route = link(alice.id());
        String goalId = id(goal(api, alice.auth(), "Run"));

        ApiResponse task = api.json("POST", "/api/v1/goals/" + goalId + "/tasks",
                "{\"text\": \"Map it\", \"attachment_ids\": " + ids(photo, route) + "}", "Authorization", alice.auth());
        ApiResponse entry = api.json("POST", "/api/v1/diary",
                "{\"text\": \"Ran it\", \"attachment_ids\": " + ids(route) + "}", "Authorization", alice.auth());

        assertThat(task.status()).isEqualTo(201);
        assertThat(attachmentIds(task.json())).containsExactly(photo.toString(), route.toString());
        assertThat(attachmentIds(get(api, alice.auth(), "/api/v1/tasks").get("items").get(0)))
                .containsExactly(photo.toString(), route.toString());
        assertThat(entry.status()).isEqualTo(201);
        assertThat(attachmentIds(get(api, alice.auth(), "/api/v1/diary/" + id(entry.json())))).containsExactly(route.toString());
    }

    @Test
    void theAvatarMustBeOneOfTheCallersImagesAndItsUrlIsItsContent() throws SQLException {
        Caller alice = newCaller();
        Caller bob = newCaller();
        UUID face = image(alice.id());
        UUID route = link(alice.id());
        UUID bobs = image(bob.id());

        for (UUID refused : List.of(route, bobs, UUID.randomUUID())) {
            ApiResponse response = api.json("PATCH", "/api/v1/users/me", "{\"avatar_attachment_id\": \"" + refused + "\"}",
                    "Authorization", alice.auth());
            assertThat(response.status()).isEqualTo(422);
            assertThat(errorFields(response)).containsExactly("avatar_attachment_id");
        }

        JsonNode profile = patch(api, alice.auth(), "/api/v1/users/me", "{\"avatar_attachment_id\": \"" + face + "\"}");
        assertThat(profile.get("avatar_url").asText()).isEqualTo("/api/v1/attachments/" + face + "/content");
        assertThat(get(api, bob.auth(), "/api/v1/users/" + alice.id()).get("avatar_url").asText())
                .isEqualTo("/api/v1/attachments/" + face + "/content");
        assertThat(patch(api, alice.auth(), "/api/v1/users/me", "{\"avatar_attachment_id\": null}").get("avatar_url").isNull())
                .isTrue();
    }
}
