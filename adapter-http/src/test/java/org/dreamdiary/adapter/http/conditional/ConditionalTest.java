package org.dreamdiary.adapter.http.conditional;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.dreamdiary.application.change.ExpectedVersion;
import org.junit.jupiter.api.Test;

class ConditionalTest {
    private static final String SEVEN = VersionTag.of(7, json("{\"progress\": 50}"));
    private static final String SEVEN_LATER = VersionTag.of(7, json("{\"progress\": 100}"));
    private static final String EIGHT = VersionTag.of(8, json("{\"progress\": 100}"));

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aTagCarriesTheVersionAndADigestOfTheBytes() {
        assertThat(SEVEN).matches("\"7-[A-Za-z0-9_-]{24}\"");
        assertThat(SEVEN).isNotEqualTo(SEVEN_LATER);
        assertThat(VersionTag.of(7, json("{\"progress\": 50}"))).isEqualTo(SEVEN);
        assertThat(VersionTag.versionOf(SEVEN)).hasValue(7);
        assertThat(VersionTag.versionOf(VersionTag.of(Long.MAX_VALUE / 10, json("{}")))).hasValue(Long.MAX_VALUE / 10);
    }

    @Test
    void withoutIfMatchNothingIsExpected() {
        assertThat(Conditional.expectedVersion(null).isGiven()).isFalse();
    }

    @Test
    void ifMatchExpectsTheVersionItsTagCarriesWhateverTheDigest() {
        ExpectedVersion expected = Conditional.expectedVersion(SEVEN);

        assertThat(expected.isGiven()).isTrue();
        assertThat(expected.admits(7)).isTrue();
        assertThat(expected.admits(8)).isFalse();
        assertThat(Conditional.expectedVersion(SEVEN_LATER).admits(7)).isTrue();
    }

    @Test
    void ifMatchWithSeveralTagsExpectsAnyOfTheirVersions() {
        ExpectedVersion expected = Conditional.expectedVersion("\"other\", " + SEVEN + " ,  " + EIGHT);

        assertThat(expected.admits(7)).isTrue();
        assertThat(expected.admits(8)).isTrue();
        assertThat(expected.admits(9)).isFalse();
    }

    @Test
    void ifMatchStarExpectsAnyVersionOfAResourceThatIsThere() {
        ExpectedVersion any = Conditional.expectedVersion("*");

        assertThat(any.isGiven()).isTrue();
        assertThat(any.admits(1)).isTrue();
        assertThat(any.versionToFind(1)).isEmpty();
    }

    @Test
    void weakForeignAndMalformedTagsNeverMatch() {
        for (String header : new String[] {"W/" + SEVEN, "\"7\"", "\"stale\"", "7-" + SEVEN.substring(3), "\"0-"
                + SEVEN.substring(3), "\"7-short\"", "\"99999999999999999999-" + SEVEN.substring(3), "", " , "}) {
            ExpectedVersion expected = Conditional.expectedVersion(header);
            assertThat(expected.isGiven()).as(header).isTrue();
            assertThat(expected.admits(7)).as(header).isFalse();
        }
    }

    @Test
    void ifNoneMatchComparesWholeTagsWeaklyAndStarNamesAnything() {
        assertThat(Conditional.names(SEVEN, SEVEN)).isTrue();
        assertThat(Conditional.names("\"x\", W/" + SEVEN, SEVEN)).isTrue();
        assertThat(Conditional.names("*", SEVEN)).isTrue();
        assertThat(Conditional.names(SEVEN_LATER, SEVEN)).as("same version, other bytes").isFalse();
        assertThat(Conditional.names(null, SEVEN)).isFalse();
    }
}
