package org.dreamdiary.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dreamdiary.bootstrap.Accounts.bearer;
import static org.dreamdiary.bootstrap.Accounts.register;
import static org.dreamdiary.bootstrap.Accounts.uniqueName;
import static org.dreamdiary.bootstrap.Planning.entry;
import static org.dreamdiary.bootstrap.Planning.get;
import static org.dreamdiary.bootstrap.Planning.goal;
import static org.dreamdiary.bootstrap.Planning.id;
import static org.dreamdiary.bootstrap.Planning.patch;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.dreamdiary.testsupport.http.ApiClient.ApiResponse;
import org.junit.jupiter.api.Test;

/**
 * Attachments in use, through the upload route: held by dreams, tasks and diary entries and shown as avatars, then
 * deleted on their own or with their owner's account.
 */
class AttachmentLifecycleE2ETest extends ServiceTest {
    private record Caller(String auth, UUID id) {
    }

    private Caller newCaller() {
        JsonNode registered = register(api, uniqueName("Keeper"));
        return new Caller(bearer(registered), UUID.fromString(registered.get("user").get("id").asText()));
    }

    private String upload(Caller caller, String name, byte[] content) {
        ApiResponse response = api.send("POST", "/api/v1/attachments", Uploads.CONTENT_TYPE,
                Uploads.multipart("file", name, content), "Authorization", caller.auth());
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.json().get("id").asText();
    }

    private static List<String> held(JsonNode resource) {
        List<String> ids = new ArrayList<>();
        resource.get("attachments").forEach(attachment -> ids.add(attachment.get("id").asText()));
        return ids;
    }

    private long rows(String sql, UUID argument) {
        try (Connection connection = service.schema().connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, argument);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void givenAnAttachmentHeldEverywhere_whenDeleted_thenEveryHolderLosesItAndGetsANewEtag() {
        Caller caller = newCaller();
        String kept = upload(caller, "kept.png", Uploads.png(3, 3));
        String doomed = upload(caller, "doomed.png", Uploads.png(4, 4));
        String both = "[\"" + doomed + "\", \"" + kept + "\"]";
        JsonNode dream = Planning.get(api, caller.auth(), "/api/v1/dreams/"
                + id(created(api.json("POST", "/api/v1/dreams", "{\"name\": \"Fly\", \"attachment_ids\": " + both + "}",
                "Authorization", caller.auth()))));
        JsonNode task = created(api.json("POST", "/api/v1/goals/" + id(goal(api, caller.auth(), "Wings")) + "/tasks",
                "{\"text\": \"build\", \"attachment_ids\": " + both + "}", "Authorization", caller.auth()));
        JsonNode diary = entry(api, caller.auth(), "{\"text\": \"flew a bit\", \"attachment_ids\": " + both + "}");
        patch(api, caller.auth(), "/api/v1/users/me", "{\"avatar_attachment_id\": \"" + doomed + "\"}");
        assertThat(held(dream)).containsExactly(doomed, kept);
        String dreamEtag = api.get("/api/v1/dreams/" + id(dream), "Authorization", caller.auth()).header("ETag");

        assertThat(api.delete("/api/v1/attachments/" + doomed, "Authorization", caller.auth()).status()).isEqualTo(204);

        ApiResponse dreamNow = api.get("/api/v1/dreams/" + id(dream), "Authorization", caller.auth());
        assertThat(held(dreamNow.json())).containsExactly(kept);
        assertThat(dreamNow.header("ETag")).isNotEqualTo(dreamEtag);
        assertThat(api.get("/api/v1/dreams/" + id(dream), "Authorization", caller.auth(), "If-None-Match", dreamEtag).status())
                .isEqualTo(200);
        assertThat(held(get(api, caller.auth(), "/api/v1/tasks/" + id(task)))).containsExactly(kept);
        assertThat(held(get(api, caller.auth(), "/api/v1/diary/" + id(diary)))).containsExactly(kept);
        assertThat(get(api, caller.auth(), "/api/v1/users/me").get("avatar_url").isNull()).isTrue();
        assertThat(rows("SELECT count(*) FROM blob_chunks WHERE blob_id = ?", UUID.fromString(doomed))).isZero();
        assertThat(rows("SELECT count(*) FROM blob_chunks WHERE blob_id = ?", UUID.fromString(kept))).isPositive();
    }

    @Test
    void givenAnAvatar_whenAnotherUserReadsIt_thenItsContentIsTheirsToSeeButNotItsMetadata() {
        Caller alice = newCaller();
        Caller bob = newCaller();
        byte[] face = Uploads.png(32, 32);
        String avatar = upload(alice, "face.png", face);
        String content = "/api/v1/attachments/" + avatar + "/content";
        assertThat(api.get(content, "Authorization", bob.auth()).status()).isEqualTo(404);

        patch(api, alice.auth(), "/api/v1/users/me", "{\"avatar_attachment_id\": \"" + avatar + "\"}");
        String avatarUrl = get(api, bob.auth(), "/api/v1/users/" + alice.id()).get("avatar_url").asText();

        ApiResponse seen = api.get(avatarUrl, "Authorization", bob.auth());
        assertThat(avatarUrl).isEqualTo(content);
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.body()).isEqualTo(face);
        assertThat(api.get("/api/v1/attachments/" + avatar, "Authorization", bob.auth()).status()).isEqualTo(404);
        assertThat(api.get(content).status()).as("signed-in users only").isEqualTo(401);

        patch(api, alice.auth(), "/api/v1/users/me", "{\"avatar_attachment_id\": null}");
        assertThat(api.get(content, "Authorization", bob.auth()).status()).isEqualTo(404);
    }

    @Test
    void givenAnAccountWithAttachments_whenItIsDeleted_thenItsAttachmentsAndTheirBytesGoAndAnotherUsersStay() {
        Caller leaving = newCaller();
        Caller staying = newCaller();
        String picture = upload(leaving, "a.png", Uploads.png(2, 2));
        upload(leaving, "b.pdf", Uploads.PDF);
        api.json("POST", "/api/v1/attachments", "{\"url\": \"https://example.org\"}", "Authorization", leaving.auth());
        String othersPicture = upload(staying, "c.png", Uploads.png(2, 2));
        assertThat(rows("SELECT count(*) FROM blob_chunks WHERE blob_id = ?", UUID.fromString(picture))).isPositive();

        assertThat(api.delete("/api/v1/users/me", "Authorization", leaving.auth()).status()).isEqualTo(204);

        assertThat(rows("SELECT count(*) FROM attachments WHERE owner_id = ?", leaving.id())).isZero();
        assertThat(rows("SELECT count(*) FROM blob_chunks WHERE blob_id = ?", UUID.fromString(picture))).isZero();
        assertThat(rows("SELECT count(*) FROM attachments WHERE owner_id = ?", staying.id())).isEqualTo(1);
        assertThat(rows("SELECT count(*) FROM blob_chunks WHERE blob_id = ?", UUID.fromString(othersPicture))).isPositive();
    }

    private static JsonNode created(ApiResponse response) {
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.json();
    }
}
