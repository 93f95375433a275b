package org.dreamdiary.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dreamdiary.domain.error.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FullNameTest {

    private static final String EMOJI = "\uD83C\uDF19"; // 🌙, one code point, two chars

    @Test
    void aNameOfOneCharacterIsAccepted() {
        assertThat(new FullName("A").value()).isEqualTo("A");
    }

    @Test
    void aNameOfTwoHundredCharactersIsAccepted() {
        String name = "n".repeat(200);

        assertThat(new FullName(name).value()).isEqualTo(name);
    }

    @Test
    void anEmptyNameIsRefused() {
        assertThatThrownBy(() -> new FullName(""))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("must be 1 to 200 characters");
    }

    @Test
    void aNameOfTwoHundredAndOneCharactersIsRefused() {
        assertThatThrownBy(() -> new FullName("n".repeat(201)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("must be 1 to 200 characters");
    }

    @Test
    void anEmojiCountsAsOneCharacter() {
        String twoHundredEmojis = EMOJI.repeat(200);
        assertThat(twoHundredEmojis).hasSize(400);

        assertThat(new FullName(EMOJI).value()).isEqualTo(EMOJI);
        assertThat(new FullName(twoHundredEmojis).value()).isEqualTo(twoHundredEmojis);
        assertThatThrownBy(() -> new FullName(EMOJI.repeat(201))).isInstanceOf(InvalidValueException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"José Müller", "山田 太郎", "Ægir Þórsson", "  padded  "})
    void unicodeLettersAndSpacesAreKeptAsWritten(String name) {
        assertThat(new FullName(name).value()).isEqualTo(name);
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(ints = {0x0000, 0x0007, 0x001B, 0x007F, 0x0085, 0x009F})
    void controlCharactersAreRefused(int codePoint) {
        String name = "Ada" + Character.toString(codePoint) + "Lovelace";

        assertThatThrownBy(() -> new FullName(name))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("must not contain control characters");
    }
}
