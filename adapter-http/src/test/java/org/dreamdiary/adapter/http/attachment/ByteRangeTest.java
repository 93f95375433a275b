package org.dreamdiary.adapter.http.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.dreamdiary.adapter.http.problem.HttpProblem;
import org.dreamdiary.adapter.http.problem.ProblemType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ByteRangeTest {
    private static final long SIZE = 1000;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "bytes=0-0, 0, 0",
            "bytes=0-499, 0, 499",
            "bytes=500-, 500, 999",
            "bytes=999-, 999, 999",
            "bytes=-1, 999, 999",
            "bytes=-250, 750, 999",
            "bytes=-5000, 0, 999",
            "bytes=900-5000, 900, 999",
            "BYTES=1-2, 1, 2",
            "' bytes= 3 - 4 ', 3, 4",
            "bytes=1-99999999999999999999999, 1, 999"})
    void givenOneSatisfiableRange_whenRead_thenItIsThatRangeWithinTheContent(String header, long first, long last) {
        assertThat(ByteRange.of(header, SIZE)).contains(new ByteRange(first, last));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=0-1,3-4", "items=0-1", "bytes=5-4", "bytes=a-b", "bytes=-", "bytes=1", "bytes=--1",
            "bytes=-1-2", "bytes 0-1", ""})
    void givenSeveralRangesOrAHeaderThatDoesNotParse_whenRead_thenTheWholeContentIsServed(String header) {
        assertThat(ByteRange.of(header, SIZE)).isEmpty();
    }

    @Test
    void givenNoHeader_whenRead_thenTheWholeContentIsServed() {
        assertThat(ByteRange.of(null, SIZE)).isEqualTo(Optional.empty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=1000-", "bytes=1000-2000", "bytes=-0", "bytes=99999999999999999999999-"})
    void givenARangeOutsideTheContent_whenRead_thenItIs416NamingTheSize(String header) {
        assertThatThrownBy(() -> ByteRange.of(header, SIZE))
                .isInstanceOfSatisfying(HttpProblem.class, problem -> {
                    assertThat(problem.type()).isEqualTo(ProblemType.RANGE_NOT_SATISFIABLE);
                    assertThat(problem.headers()).containsEntry("Content-Range", "bytes */1000");
                });
    }

    @Test
    void givenARange_whenDescribed_thenItsLengthAndContentRangeCountBothEnds() {
        ByteRange range = new ByteRange(10, 19);

        assertThat(range.length()).isEqualTo(10);
        assertThat(range.contentRange(SIZE)).isEqualTo("bytes 10-19/1000");
    }
}
