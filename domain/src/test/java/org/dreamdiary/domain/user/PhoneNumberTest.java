package org.dreamdiary.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dreamdiary.domain.error.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTest {

    @Test
    void aPlusAndSevenDigitsIsAccepted() {
        assertThat(new PhoneNumber("+1234567").value()).isEqualTo("+1234567");
    }

    @Test
    void aPlusAndFifteenDigitsIsAccepted() {
        assertThat(new PhoneNumber("+123456789012345").value()).isEqualTo("+123456789012345");
    }

    @Test
    void aPlusAndSixDigitsIsRefused() {
        assertThatThrownBy(() -> new PhoneNumber("+123456"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("must be + and 7 to 15 digits");
    }

    @Test
    void aPlusAndSixteenDigitsIsRefused() {
        assertThatThrownBy(() -> new PhoneNumber("+1234567890123456")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void digitsWithoutTheLeadingPlusAreRefused() {
        assertThatThrownBy(() -> new PhoneNumber("4915112345678")).isInstanceOf(InvalidValueException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+49 151 12345678", " +4915112345678", "+4915112345678 ", "+49-151-12345678",
            "+49(151)1234567", "++4915112345678", "+49151123456a8", "4915112345678+", "+４９１５１１２３４５６７"})
    void spacesSeparatorsLettersAndNonAsciiDigitsAreRefused(String number) {
        assertThatThrownBy(() -> new PhoneNumber(number)).isInstanceOf(InvalidValueException.class);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void aMissingOrEmptyNumberIsRefused(String number) {
        assertThatThrownBy(() -> new PhoneNumber(number)).isInstanceOf(InvalidValueException.class);
    }
}
