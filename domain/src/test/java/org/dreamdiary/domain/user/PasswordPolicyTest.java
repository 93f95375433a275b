package org.dreamdiary.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dreamdiary.domain.error.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    private static final String EMOJI = "\uD83D\uDD11"; // 🔑, one code point, two chars

    @Test
    void aPasswordOfEightCharactersIsAcceptedAndReturnedUnchanged() {
        assertThat(PasswordPolicy.check("12345678")).isEqualTo("12345678");
    }

    @Test
    void aPasswordOf128CharactersIsAccepted() {
        String password = "p".repeat(128);

        assertThat(PasswordPolicy.check(password)).isEqualTo(password);
    }

    @Test
    void aPasswordOfSevenCharactersIsRefused() {
        assertThatThrownBy(() -> PasswordPolicy.check("1234567"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("must be 8 to 128 characters");
    }

    @Test
    void aPasswordOf129CharactersIsRefused() {
        assertThatThrownBy(() -> PasswordPolicy.check("p".repeat(129)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("must be 8 to 128 characters");
    }

    @Test
    void eightEmojisAreEightCharactersAlthoughTheyAreSixteenJavaChars() {
        String password = EMOJI.repeat(8);
        assertThat(password).hasSize(16);

        assertThat(PasswordPolicy.check(password)).isEqualTo(password);
    }

    @Test
    void sevenEmojisAreTooShortAlthoughTheyAreFourteenJavaChars() {
        String password = EMOJI.repeat(7);
        assertThat(password).hasSize(14);

        assertThatThrownBy(() -> PasswordPolicy.check(password)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void a128EmojiPasswordIsAcceptedAndA129EmojiOneRefused() {
        String longest = EMOJI.repeat(128);
        assertThat(longest).hasSize(256);

        assertThat(PasswordPolicy.check(longest)).isEqualTo(longest);
        assertThatThrownBy(() -> PasswordPolicy.check(EMOJI.repeat(129))).isInstanceOf(InvalidValueException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"  padded  ", "        ", "pass word", "\tsecret1\t", " 1234567"})
    void spacesAreKeptAsTypedAndCountTowardsTheLength(String password) {
        assertThat(PasswordPolicy.check(password)).isSameAs(password);
    }

    @Test
    void surroundingSpacesAreNeverTrimmedAwayToMakeAShortPasswordPass() {
        // Seven visible characters plus one space: eight as typed, so accepted; it is not trimmed to seven.
        assertThat(PasswordPolicy.check("1234567 ")).isEqualTo("1234567 ");
        // Three visible characters padded to eight: still eight as typed.
        assertThat(PasswordPolicy.check("   abc  ")).isEqualTo("   abc  ");
    }

    @Test
    void aMissingPasswordIsRefusedRatherThanCrashing() {
        assertThatThrownBy(() -> PasswordPolicy.check(null)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> PasswordPolicy.check("")).isInstanceOf(InvalidValueException.class);
    }
}
