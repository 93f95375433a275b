package org.dreamdiary.adapter.http.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dreamdiary.domain.error.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QueryParamsTest {

    @ParameterizedTest
    @CsvSource(delimiterString = " -> ", value = {
            "plain -> plain",
            "two+words -> two words",
            "%2B1 -> +1",
            "%D1%81%D0%BE%D0%BD -> сон",
            "%F0%9F%98%80 -> \uD83D\uDE00",
            "сон -> сон"})
    void givenPercentEncodedUtf8_whenDecoded_thenTheTextComesBack(String raw, String text) {
        assertThat(QueryParams.decode(raw)).isEqualTo(text);
    }

    @Test
    void givenEncodedControlCharacters_whenDecoded_thenTheyComeBackForTheTextRulesToRefuse() {
        assertThat(QueryParams.decode("a%00b")).isEqualTo("a\u0000b");
    }

    @ParameterizedTest
    @ValueSource(strings = {"%FF", "a%C3", "%ED%A0%80", "%C0%80", "%zz", "%", "%4", "%%41", "%\u0663\u0663"})
    void givenBytesThatAreNotUtf8OrBrokenEscapes_whenDecoded_thenTheyAreRefusedNotReplaced(String raw) {
        assertThatThrownBy(() -> QueryParams.decode(raw))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("must be percent-encoded UTF-8");
    }
}
