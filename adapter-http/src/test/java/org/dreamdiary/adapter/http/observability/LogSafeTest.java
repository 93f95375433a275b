package org.dreamdiary.adapter.http.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogSafeTest {

    @Test
    void givenLineBreaks_whenMadeSafe_thenTheyCannotStartALineOfTheirOwn() {
        assertThat(LogSafe.text("bye\nFAKE LOG LINE\r\n")).isEqualTo("bye\\nFAKE LOG LINE\\r\\n").doesNotContain("\n", "\r");
    }

    @Test
    void givenOtherControlCharactersAndBackslashes_whenMadeSafe_thenEachIsEscapedVisibly() {
        assertThat(LogSafe.text("a\u0000b\u001bc\u0085d\u2028e\\n\tf")).isEqualTo("a\\u0000b\\u001bc\\u0085d\\u2028e\\\\n\\tf");
    }

    @Test
    void givenPlainText_whenMadeSafe_thenItIsUnchanged() {
        assertThat(LogSafe.text("/api/v1/chats/мечта live")).isEqualTo("/api/v1/chats/мечта live");
        assertThat(LogSafe.text(null)).isEqualTo("null");
    }

    @Test
    void givenLongText_whenMadeSafe_thenItIsCutAndSaysHowMuchIsLeftOut() {
        String safe = LogSafe.text("x".repeat(10_000));

        assertThat(safe).startsWith("x".repeat(LogSafe.MAX_LENGTH)).endsWith("...(9800 more chars)");
        assertThat(safe.length()).isLessThan(LogSafe.MAX_LENGTH + 30);
    }
}
