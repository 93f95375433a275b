package org.dreamdiary.adapter.http.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.dreamdiary.adapter.http.attachment.AttachmentResource;
import org.dreamdiary.adapter.http.json.Json;
import org.dreamdiary.domain.attachment.Attachment;
import org.dreamdiary.domain.attachment.AttachmentId;
import org.dreamdiary.domain.attachment.FileFormat;
import org.dreamdiary.domain.attachment.ImageSize;
import org.dreamdiary.domain.attachment.LinkUrl;
import org.dreamdiary.domain.attachment.Sha256;
import org.dreamdiary.domain.attachment.StoredFile;
import org.dreamdiary.domain.user.User;
import org.dreamdiary.domain.user.UserId;
import org.dreamdiary.domain.user.Username;
import org.junit.jupiter.api.Test;

class JsonArchiveTest {
    private static final Instant NOW = Instant.parse("2026-11-21T10:30:00.000Z");

    @Test
    void givenAttachments_whenExported_thenTheyFollowTheDiaryEachInTheShapeOfItsOwnRoute() throws Exception {
        UserId owner = new UserId(UUID.randomUUID());
        Attachment photo = Attachment.ofFile(new AttachmentId(UUID.randomUUID()), owner,
                new StoredFile(FileFormat.PNG, 2048, new Sha256("ef".repeat(32)), new ImageSize(3, 2), null), NOW);
        Attachment link = Attachment.ofLink(new AttachmentId(UUID.randomUUID()), owner, new LinkUrl("https://example.org/"), NOW);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonArchive archive = new JsonArchive(() -> out);

        archive.profile(NOW, User.register(owner, new Username("alice"), "hash", null, null, null, NOW));
        archive.dreams(each -> { });
        archive.goals(each -> { });
        archive.tasks(each -> { });
        archive.diary(each -> { });
        archive.attachments(each -> List.of(photo, link).forEach(each));
        archive.chats(each -> { });
        archive.messages(each -> { });
        archive.finish();

        JsonNode document = Json.read(out.toString(StandardCharsets.UTF_8));
        assertThat(document.fieldNames()).toIterable().containsExactly("exported_at", "profile", "dreams", "goals", "tasks",
                "diary", "attachments", "chats", "messages");
        assertThat(document.get("attachments")).containsExactly(
                Json.read(new String(Json.write(AttachmentResource.of(photo)), StandardCharsets.UTF_8)),
                Json.read(new String(Json.write(AttachmentResource.of(link)), StandardCharsets.UTF_8)));
        assertThat(document.get("attachments").get(0).get("width").asInt()).isEqualTo(3);
        assertThat(document.get("attachments").get(1).get("url").asText()).isEqualTo("https://example.org/");
    }
}
