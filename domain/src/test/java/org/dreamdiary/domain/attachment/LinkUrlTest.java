package org.dreamdiary.domain.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dreamdiary.domain.error.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LinkUrlTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "http://example.com",
            "https://example.com/dreams?night=3#moon",
            "HTTPS://EXAMPLE.COM/",
            "https://user@example.com:8443/x",
            "http://[::1]:8080/",
            "https://xn--zrich-kva.example/%C3%BC"
    })
    void anAbsoluteHttpOrHttpsUrlWithAHostIsTaken(String url) {
        assertThat(new LinkUrl(url).value()).isEqualTo(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "ftp://example.com/file",
            "javascript:alert(1)",
            "data:text/html,hi",
            "mailto:someone@example.com",
            "file:///etc/passwd",
            "/relative/path",
            "example.com/page",
            "//example.com/page",
            "http:///path",
            "https://",
            "http:example.com",
            "http://exa mple.com/",
            "https://example.com/\u0000",
            ""
    })
    void anythingElseIsRefused(String url) {
        assertThatThrownBy(() -> new LinkUrl(url)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void aUrlMayHaveAtMost2048Characters() {
        String prefix = "https://example.com/";
        String longest = prefix + "a".repeat(LinkUrl.MAX_LENGTH - prefix.length());
        assertThat(new LinkUrl(longest).value()).hasSize(2048);
        assertThatThrownBy(() -> new LinkUrl(longest + "a")).isInstanceOf(InvalidValueException.class);
    }
}
