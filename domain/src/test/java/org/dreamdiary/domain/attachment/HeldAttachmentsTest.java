package org.dreamdiary.domain.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.dreamdiary.domain.planning.Dream;
import org.dreamdiary.domain.planning.DreamId;
import org.dreamdiary.domain.planning.Name;
import org.dreamdiary.domain.user.UserId;
import org.junit.jupiter.api.Test;

class HeldAttachmentsTest {
    private static final UserId OWNER = new UserId(UUID.fromString("00000000-0000-0000-0000-000000000001"));
    private static final UserId STRANGER = new UserId(UUID.fromString("00000000-0000-0000-0000-000000000002"));
    private static final Instant NOW = Instant.parse("2026-11-15T21:00:00Z");

    private static Attachment link(UserId owner, int n) {
        return Attachment.ofLink(new AttachmentId(new UUID(7, n)), owner, new LinkUrl("https://example.com/" + n), NOW);
    }

    @Test
    void givenTheOwnersAttachments_whenHeld_thenTheyKeepTheOrderGivenAndLaterChangesToTheListDoNotLeakIn() {
        List<Attachment> given = new ArrayList<>(List.of(link(OWNER, 3), link(OWNER, 1), link(OWNER, 2)));

        Dream dream = Dream.create(new DreamId(UUID.randomUUID()), OWNER, new Name("Sail"), null, given, NOW);
        given.clear();

        assertThat(dream.attachments()).extracting(a -> a.id().value().getLeastSignificantBits()).containsExactly(3L, 1L, 2L);
        assertThatThrownBy(() -> dream.attachments().add(link(OWNER, 4))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void givenAnEditWithOtherAttachments_whenApplied_thenTheyReplaceTheOldOnes() {
        Dream dream = Dream.create(new DreamId(UUID.randomUUID()), OWNER, new Name("Sail"), null, List.of(link(OWNER, 1)), NOW);

        Dream edited = dream.edit(dream.name(), null, List.of(link(OWNER, 2)), NOW.plusSeconds(1));

        assertThat(edited.attachments()).containsExactly(link(OWNER, 2));
        assertThat(edited.version()).isEqualTo(2);
    }

    @Test
    void givenAnotherUsersAttachment_whenHeld_thenItIsRefused() {
        assertThatThrownBy(() -> HeldAttachments.of(OWNER, List.of(link(OWNER, 1), link(STRANGER, 2))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not the owner's");
    }

    @Test
    void givenTheSameAttachmentTwice_whenHeld_thenItIsRefused() {
        assertThatThrownBy(() -> HeldAttachments.of(OWNER, List.of(link(OWNER, 1), link(OWNER, 1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("held twice");
    }
}
