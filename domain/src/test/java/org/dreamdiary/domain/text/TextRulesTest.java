package org.dreamdiary.domain.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dreamdiary.domain.error.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextRulesTest {

    private static final String EMOJI = "\uD83D\uDE00"; // 😀, one code point, two chars

    @Test
    void givenOneEmoji_whenBoundedToOneCharacter_thenTheEmojiCountsOnce() {
        assertThat(EMOJI).hasSize(2);

        assertThat(TextRules.bounded(EMOJI, 1, 1)).isEqualTo(EMOJI);
    }

    @Test
    void givenTwoHundredEmojis_whenBoundedToTwoHundred_thenTheyAreAccepted() {
        String text = EMOJI.repeat(200);
        assertThat(text).hasSize(400);

        assertThat(TextRules.bounded(text, 1, 200)).isEqualTo(text);
    }

    @Test
    void givenTwoHundredAndOneEmojis_whenBoundedToTwoHundred_thenTheyAreRefused() {
        String text = EMOJI.repeat(201);

        assertThatThrownBy(() -> TextRules.bounded(text, 1, 200))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("must be 1 to 200 characters");
    }

    @Test
    void givenTextOfExactlyTheMinimum_whenBounded_thenItIsReturnedUnchanged() {
        assertThat(TextRules.bounded("abc", 3, 5)).isEqualTo("abc");
    }

    @Test
    void givenTextOfExactlyTheMaximum_whenBounded_thenItIsReturnedUnchanged() {
        assertThat(TextRules.bounded("abcde", 3, 5)).isEqualTo("abcde");
    }

    @Test
    void givenTextOneOverTheMaximum_whenBounded_thenItIsRefusedWithTheRange() {
        assertThatThrownBy(() -> TextRules.bounded("abcdef", 3, 5))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("must be 3 to 5 characters");
    }

    @Test
    void givenTextOneUnderTheMinimum_whenBounded_thenItIsRefusedWithTheRange() {
        assertThatThrownBy(() -> TextRules.bounded("ab", 3, 5))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("must be 3 to 5 characters");
    }

    @Test
    void givenNoMinimum_whenTextIsOverTheMaximum_thenTheMessageNamesOnlyTheMaximum() {
        assertThatThrownBy(() -> TextRules.bounded("abcdef", 0, 5))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("must be at most 5 characters");
    }

    @Test
    void givenNoMinimum_whenTextIsEmpty_thenItIsAccepted() {
        assertThat(TextRules.bounded("", 0, 5)).isEmpty();
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(ints = {0x0000, 0x0001, 0x001B, 0x001F, 0x007F, 0x0085, 0x009F})
    void givenAForbiddenControlCharacter_whenChecked_thenTheTextIsRefused(int codePoint) {
        String text = "dream" + Character.toString(codePoint) + "diary";

        assertThatThrownBy(() -> TextRules.requireNoControlCharacters(text))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("must not contain control characters");
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(ints = {0x0000, 0x001F, 0x007F, 0x0085, 0x009F})
    void givenAForbiddenControlCharacterWithinTheLengthLimits_whenBounded_thenTheTextIsRefused(int codePoint) {
        String text = "a" + Character.toString(codePoint) + "b";

        assertThatThrownBy(() -> TextRules.bounded(text, 1, 10))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("must not contain control characters");
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(ints = {'\t', '\n', '\r'})
    void givenTabOrLineBreak_whenBounded_thenTheTextIsAccepted(int codePoint) {
        String text = "line one" + Character.toString(codePoint) + "line two";

        assertThat(TextRules.bounded(text, 1, 100)).isEqualTo(text);
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(ints = {0x0020, 0x007E, 0x00A0, 0x00E9})
    void givenPrintableCharactersNextToTheControlRanges_whenChecked_thenTheyAreAccepted(int codePoint) {
        String text = "a" + Character.toString(codePoint) + "b";

        TextRules.requireNoControlCharacters(text);
        assertThat(TextRules.bounded(text, 3, 3)).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\uD800", "a\uD800b", "\uDC00", "end\uD83D", "\uDE00\uD83D"})
    void givenALoneSurrogate_whenChecked_thenTheTextIsRefusedAsInvalidUnicode(String text) {
        assertThatThrownBy(() -> TextRules.requireWellFormed(text))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("must be valid Unicode (it has a lone surrogate)");
        assertThatThrownBy(() -> TextRules.bounded(text, 0, 100)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void givenSurrogatePairs_whenChecked_thenTheTextIsReturnedUnchanged() {
        String text = "a" + EMOJI + EMOJI + "b";

        assertThat(TextRules.requireWellFormed(text)).isSameAs(text);
    }
}
