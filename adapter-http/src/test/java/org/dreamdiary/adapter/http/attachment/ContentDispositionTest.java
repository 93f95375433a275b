package org.dreamdiary.adapter.http.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.dreamdiary.domain.attachment.Attachment;
import org.dreamdiary.domain.attachment.AttachmentId;
import org.dreamdiary.domain.attachment.FileFormat;
import org.dreamdiary.domain.attachment.FileName;
import org.dreamdiary.domain.attachment.Sha256;
import org.dreamdiary.domain.attachment.StoredFile;
import org.dreamdiary.domain.user.UserId;
import org.junit.jupiter.api.Test;

class ContentDispositionTest {
    private static final UUID ID = UUID.fromString("0190b8a0-0000-7000-8000-000000000001");

    private static Attachment file(FileFormat format, String name) {
        StoredFile stored = new StoredFile(format, 10, new Sha256("ab".repeat(32)), null,
                name == null ? null : new FileName(name));
        return Attachment.ofFile(new AttachmentId(ID), new UserId(UUID.randomUUID()), stored, Instant.EPOCH);
    }

    @Test
    void givenAPlainAsciiName_whenDisposed_thenOnlyFilenameIsGiven() {
        assertThat(ContentDisposition.of(file(FileFormat.WEBM, "dream film.webm")))
                .isEqualTo("inline; filename=\"dream film.webm\"");
    }

    @Test
    void givenAPdf_whenDisposed_thenItIsAnAttachment() {
        assertThat(ContentDisposition.of(file(FileFormat.PDF, "plan.pdf"))).isEqualTo("attachment; filename=\"plan.pdf\"");
    }

    @Test
    void givenNoName_whenDisposed_thenTheIdAndTheFormatsExtensionNameIt() {
        assertThat(ContentDisposition.of(file(FileFormat.JPEG, null))).isEqualTo("inline; filename=\"" + ID + ".jpg\"");
    }

    @Test
    void givenANameBeyondAscii_whenDisposed_thenTheFallbackHasOneUnderscorePerCharacterAndFilenameStarHasUtf8() {
        assertThat(ContentDisposition.of(file(FileFormat.PNG, "мечта 😀.png")))
                .isEqualTo("inline; filename=\"_____ _.png\"; filename*=UTF-8''%D0%BC%D0%B5%D1%87%D1%82%D0%B0%20%F0%9F%98%80.png");
    }

    @Test
    void givenQuotesBackslashesAndPercents_whenDisposed_thenTheFallbackDropsThemAndFilenameStarEncodesThem() {
        assertThat(ContentDisposition.of(file(FileFormat.PNG, "a\"b%c;d.png")))
                .isEqualTo("inline; filename=\"a_b_c;d.png\"; filename*=UTF-8''a%22b%25c%3Bd.png");
    }
}
