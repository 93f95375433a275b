package org.dreamdiary.domain.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.dreamdiary.domain.user.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AttachmentTest {
    private static final AttachmentId ID = new AttachmentId(UUID.randomUUID());
    private static final UserId OWNER = new UserId(UUID.randomUUID());
    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
    private static final LinkUrl LINK = new LinkUrl("https://example.com/dream");

    private static StoredFile file(FileFormat format) {
        ImageSize size = format.kind() == AttachmentKind.IMAGE ? new ImageSize(2, 3) : null;
        return new StoredFile(format, 100, StoredFileTest.DIGEST, size, null);
    }

    @ParameterizedTest
    @EnumSource(FileFormat.class)
    void aFileIsOfItsFormatsKindAndHasContent(FileFormat format) {
        Attachment attachment = Attachment.ofFile(ID, OWNER, file(format), NOW);
        assertThat(attachment.kind()).isEqualTo(format.kind());
        assertThat(attachment.hasContent()).isTrue();
        assertThat(attachment.link()).isNull();
    }

    @Test
    void aLinkHasAUrlAndNoContent() {
        Attachment attachment = Attachment.ofLink(ID, OWNER, LINK, NOW);
        assertThat(attachment.kind()).isEqualTo(AttachmentKind.LINK);
        assertThat(attachment.hasContent()).isFalse();
        assertThat(attachment.file()).isNull();
        assertThat(attachment.link()).isEqualTo(LINK);
    }

    @Test
    void itNeverChangesSoItStaysAtTheFirstVersion() {
        assertThat(Attachment.ofFile(ID, OWNER, file(FileFormat.PNG), NOW).version()).isEqualTo(1);
        assertThat(Attachment.ofLink(ID, OWNER, LINK, NOW).version()).isEqualTo(1);
    }

    @Test
    void aLinkWithAFileOrWithoutAUrlIsRefused() {
        assertThatThrownBy(() -> new Attachment(ID, OWNER, AttachmentKind.LINK, file(FileFormat.PDF), LINK, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Attachment(ID, OWNER, AttachmentKind.LINK, null, null, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFileWithAUrlOrWithoutAFileIsRefused() {
        assertThatThrownBy(() -> new Attachment(ID, OWNER, AttachmentKind.IMAGE, file(FileFormat.PNG), LINK, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Attachment(ID, OWNER, AttachmentKind.FILE, null, null, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aKindOtherThanTheFormatsIsRefused() {
        assertThatThrownBy(() -> new Attachment(ID, OWNER, AttachmentKind.IMAGE, file(FileFormat.PDF), null, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Attachment(ID, OWNER, AttachmentKind.VIDEO, file(FileFormat.GIF), null, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theIdOwnerKindAndTimeAreRequired() {
        StoredFile pdf = file(FileFormat.PDF);
        assertThatThrownBy(() -> new Attachment(null, OWNER, AttachmentKind.FILE, pdf, null, NOW))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Attachment(ID, null, AttachmentKind.FILE, pdf, null, NOW))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Attachment(ID, OWNER, null, pdf, null, NOW))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Attachment(ID, OWNER, AttachmentKind.FILE, pdf, null, null))
                .isInstanceOf(NullPointerException.class);
    }
}
