package org.dreamdiary.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dreamdiary.domain.error.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class UsernameTest {

    @Test
    void aUsernameOfThreeCharactersIsAccepted() {
        assertThat(new Username("abc").value()).isEqualTo("abc");
    }

    @Test
    void aUsernameOfThirtyTwoCharactersIsAccepted() {
        String name = "a".repeat(32);

        assertThat(new Username(name).value()).isEqualTo(name);
    }

    @Test
    void aUsernameOfTwoCharactersIsRefused() {
        assertThatThrownBy(() -> new Username("ab"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("must be 3 to 32 of the characters A-Z a-z 0-9 _ . -");
    }

    @Test
    void aUsernameOfThirtyThreeCharactersIsRefused() {
        assertThatThrownBy(() -> new Username("a".repeat(33))).isInstanceOf(InvalidValueException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ABCxyz", "user_01", "first.last", "dash-ed", "0123456789", "_._", "---", "Z.9_-a"})
    void lettersDigitsUnderscoreDotAndDashAreAllowedInAnyMix(String name) {
        assertThat(new Username(name).value()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "with space", " leading", "trailing ", "tab\there", "new\nline", "trailing\n",
            "Jürgen", "Ωmega", "日本語名前", "caf\u00e9", "smile\uD83D\uDE00", "\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00",
            "at@sign", "plus+sign", "slash/name", "comma,name", "quote'name", "１２３" // full-width digits
    })
    void spacesUnicodeEmojiAndOtherPunctuationAreRefused(String name) {
        assertThatThrownBy(() -> new Username(name)).isInstanceOf(InvalidValueException.class);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void aMissingOrEmptyUsernameIsRefused(String name) {
        assertThatThrownBy(() -> new Username(name)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void theUsernameIsKeptAsWrittenButComparedLowerCased() {
        Username username = new Username("Dream.Walker_42");

        assertThat(username.value()).isEqualTo("Dream.Walker_42");
        assertThat(username.canonical()).isEqualTo("dream.walker_42");
    }

    @Test
    void twoSpellingsDifferingOnlyInCaseHaveTheSameCanonicalForm() {
        assertThat(new Username("ALICE").canonical()).isEqualTo(new Username("alice").canonical());
        assertThat(new Username("ALICE")).isNotEqualTo(new Username("alice"));
    }
}
