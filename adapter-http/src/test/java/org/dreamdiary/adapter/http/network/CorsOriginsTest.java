package org.dreamdiary.adapter.http.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CorsOriginsTest {

    @Test
    void blankMeansNoOriginAtAll() {
        CorsOrigins none = CorsOrigins.parse("  ");

        assertThat(none).isSameAs(CorsOrigins.none());
        assertThat(none.allows("https://app.example.com")).isFalse();
        assertThat(none.allowsSocketFrom("https://app.example.com")).isTrue();
        assertThat(CorsOrigins.none().allows("https://app.example.com")).isFalse();
    }

    @Test
    void aListAllowsItsOriginsAsBrowsersSendThem() {
        CorsOrigins listed = CorsOrigins.parse("HTTPS://App.Example.com:443, http://localhost:5173,http://example.org:80");

        assertThat(listed.listOnly()).isTrue();
        assertThat(listed.allows("https://app.example.com")).isTrue();
        assertThat(listed.allows("http://localhost:5173")).isTrue();
        assertThat(listed.allows("http://example.org")).isTrue();
        assertThat(listed.allows("http://app.example.com")).as("another scheme").isFalse();
        assertThat(listed.allows("http://localhost:5174")).as("another port").isFalse();
        assertThat(listed.allows("null")).isFalse();
        assertThat(listed.allows(null)).isFalse();
        assertThat(listed).hasToString("https://app.example.com,http://localhost:5173,http://example.org");
    }

    @Test
    void aListLetsOnlyItsOriginsAndClientsWithoutOneOpenASocket() {
        CorsOrigins listed = CorsOrigins.parse("https://app.example.com");

        assertThat(listed.allowsSocketFrom("https://app.example.com")).isTrue();
        assertThat(listed.allowsSocketFrom(null)).as("not a browser").isTrue();
        assertThat(listed.allowsSocketFrom("https://evil.example.net")).isFalse();
    }

    @Test
    void aStarAllowsEveryOriginAndEverySocket() {
        CorsOrigins any = CorsOrigins.parse(" * ");

        assertThat(any.listOnly()).isFalse();
        assertThat(any.allows("https://anywhere.example")).isTrue();
        assertThat(any.allows(null)).as("no Origin: not a cross-origin request").isFalse();
        assertThat(any.allowsSocketFrom("https://anywhere.example")).isTrue();
        assertThat(any).hasToString("*");
    }

    @ParameterizedTest
    @ValueSource(strings = {"app.example.com", "https://app.example.com/", "https://app.example.com/path",
            "ftp://app.example.com", "https://user@app.example.com", "https://app.example.com?x=1", "null", "*.example.com",
            "https://a.example, *", "https://a.example,,https://b.example"})
    void anEntryThatIsNotAnOriginIsRefusedByName(String text) {
        assertThatThrownBy(() -> CorsOrigins.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("is not an origin such as https://app.example.com");
    }
}
