package org.dreamdiary.domain.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dreamdiary.domain.error.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class FileNameTest {
    private static final String MOON = "\uD83C\uDF19";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "C:\\a\\b.png | b.png",
            "../../x | x",
            "/etc/passwd | passwd",
            "photos/2024\\summer/beach.jpg | beach.jpg",
            "'  dream.pdf  ' | dream.pdf",
            "night..pdf | night..pdf"
    })
    void onlyTheLastPathSegmentIsKept(String sent, String kept) {
        assertThat(FileName.fromClient(sent)).contains(new FileName(kept));
    }

    @Test
    void controlCharactersAreDropped() {
        assertThat(FileName.fromClient("a\u0000b\r\nc\u007f\u0085.png")).contains(new FileName("abc.png"));
    }

    @Test
    void loneSurrogatesAreDroppedAndPairsKept() {
        assertThat(FileName.fromClient("a\uD800b\uDC00" + MOON + ".png")).contains(new FileName("ab" + MOON + ".png"));
    }

    @Test
    void emojiAndOtherScriptsAreKept() {
        assertThat(FileName.fromClient(MOON + " Traum über Zürich 夢.jpg"))
                .contains(new FileName(MOON + " Traum über Zürich 夢.jpg"));
    }

    @Test
    void aLongNameIsCutTo255CodePoints() {
        assertThat(FileName.fromClient("x".repeat(300)).orElseThrow().value()).isEqualTo("x".repeat(255));
        String cut = FileName.fromClient(MOON.repeat(300)).orElseThrow().value();
        assertThat(cut).isEqualTo(MOON.repeat(255));
        assertThat(cut.codePointCount(0, cut.length())).isEqualTo(255);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t", "/", "dir/", "C:\\", ".", "..", "a/..", "\u0000\u0001", "\uD800"})
    void nothingUsableLeftIsNoName(String sent) {
        assertThat(FileName.fromClient(sent)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a/b", "a\\b", ".", "..", "a\u0000b", "tab\there"})
    void aNameThatIsNoPlainFileNameIsRefused(String value) {
        assertThatThrownBy(() -> new FileName(value)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void aNameOfMoreThan255CodePointsIsRefused() {
        assertThat(new FileName(MOON.repeat(255)).value()).hasSize(510);
        assertThatThrownBy(() -> new FileName("x".repeat(256))).isInstanceOf(InvalidValueException.class);
    }
}
