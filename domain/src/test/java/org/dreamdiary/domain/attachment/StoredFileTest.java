package org.dreamdiary.domain.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dreamdiary.domain.error.InvalidValueException;
import org.junit.jupiter.api.Test;

class StoredFileTest {
    static final Sha256 DIGEST = new Sha256("ab".repeat(32));

    @Test
    void anImageHasItsSizeAndAnyFileMayLackAName() {
        StoredFile photo = new StoredFile(FileFormat.PNG, 1234, DIGEST, new ImageSize(640, 480), null);
        assertThat(photo.imageSize()).isEqualTo(new ImageSize(640, 480));
        assertThat(photo.name()).isNull();
        assertThat(new StoredFile(FileFormat.PDF, 1, DIGEST, null, new FileName("dream.pdf")).sizeBytes()).isEqualTo(1);
    }

    @Test
    void aFileHasAtLeastOneByte() {
        assertThatThrownBy(() -> new StoredFile(FileFormat.PDF, 0, DIGEST, null, null))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void onlyAnImageHasAWidthAndHeight() {
        assertThatThrownBy(() -> new StoredFile(FileFormat.MP4, 10, DIGEST, new ImageSize(640, 480), null))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void theFormatAndDigestAreRequired() {
        assertThatThrownBy(() -> new StoredFile(null, 10, DIGEST, null, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new StoredFile(FileFormat.PDF, 10, null, null, null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void anImageIsAtLeastOnePixelWideAndHigh() {
        assertThatThrownBy(() -> new ImageSize(0, 1)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new ImageSize(1, 0)).isInstanceOf(InvalidValueException.class);
    }
}
