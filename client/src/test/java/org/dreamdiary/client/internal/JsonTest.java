package org.dreamdiary.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.dreamdiary.client.model.Dream;
import org.dreamdiary.client.model.DreamChanges;
import org.dreamdiary.client.model.DreamStatus;
import org.dreamdiary.client.model.Field;
import org.dreamdiary.client.model.NewDream;
import org.junit.jupiter.api.Test;

/** The client's JSON as the API has it, read and written through the module's own opens (these tests run in it). */
class JsonTest {
    private static String written(Object value) {
        return new String(Json.write(value), StandardCharsets.UTF_8);
    }

    @Test
    void aChangeSendsOnlyItsFieldsClearingAsNullAndSettingAsValues() {
        assertThat(written(DreamChanges.none())).isEqualTo("{}");
        assertThat(written(DreamChanges.none().name("Sail").description(Field.clear())))
                .isEqualTo("{\"name\":\"Sail\",\"description\":null}");
        assertThat(written(DreamChanges.none().attachmentIds(List.of())))
                .as("an empty list is a value: it removes every attachment").isEqualTo("{\"attachment_ids\":[]}");
    }

    @Test
    void aNewResourceLeavesOutWhatIsNotGivenAndNamesFieldsInSnakeCase() {
        UUID attachment = UUID.fromString("0190b3a4-0000-7000-8000-000000000001");
        assertThat(written(NewDream.named("Sail"))).isEqualTo("{\"name\":\"Sail\"}");
        assertThat(written(NewDream.named("Sail").withAttachments(List.of(attachment))))
                .isEqualTo("{\"name\":\"Sail\",\"attachment_ids\":[\"" + attachment + "\"]}");
    }

    @Test
    void anAnswerIsReadIntoItsRecordSkippingFieldsANewerServiceAdded() {
        String answer = "{\"id\":\"0190b3a4-0000-7000-8000-000000000002\",\"name\":\"Sail\",\"description\":null,"
                + "\"status\":\"pursuing\",\"goal_count\":2,\"attachments\":[],"
                + "\"created_at\":\"2026-11-21T10:30:00.000Z\",\"updated_at\":\"2026-11-21T10:31:00.000Z\","
                + "\"_links\":{\"self\":\"/api/v1/dreams/0190b3a4-0000-7000-8000-000000000002\",\"goals\":null},"
                + "\"colour\":\"blue\"}";

        Dream dream = Json.read(answer.getBytes(StandardCharsets.UTF_8), Json.type(Dream.class));

        assertThat(dream.status()).isEqualTo(DreamStatus.PURSUING);
        assertThat(dream.goalCount()).isEqualTo(2);
        assertThat(dream.createdAt()).isEqualTo(Instant.parse("2026-11-21T10:30:00Z"));
        assertThat(dream.links()).containsEntry("goals", null).containsKey("self");
    }
}
