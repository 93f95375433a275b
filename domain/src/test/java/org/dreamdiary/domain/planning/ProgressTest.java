package org.dreamdiary.domain.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dreamdiary.domain.error.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProgressTest {

    @Test
    void givenAGoalWithoutTasks_whenThePercentIsAsked_thenItIsZero() {
        assertThat(new Progress(0, 0).percent()).isZero();
    }

    @ParameterizedTest(name = "{0} of {1} done is {2}%")
    @CsvSource({
            // exact
            "0, 1, 0",
            "0, 3, 0",
            "1, 2, 50",
            "1, 4, 25",
            "3, 3, 100",
            "200, 200, 100",
            // below one half: down
            "1, 3, 33",
            "1, 7, 14",
            "1, 201, 0",
            // above one half: up
            "2, 3, 67",
            "1, 6, 17",
            "1, 199, 1",
            // exactly one half: up
            "1, 8, 13",
            "3, 8, 38",
            "7, 8, 88",
            "1, 200, 1",
            "3, 200, 2",
            "5, 200, 3",
            "199, 200, 100",
    })
    void givenSomeTasksDone_whenThePercentIsAsked_thenItIsRoundedHalfUp(long done, long total, int percent) {
        assertThat(new Progress(done, total).percent()).isEqualTo(percent);
    }

    @ParameterizedTest(name = "{0} of {1} done is {2}%")
    @CsvSource({
            "2147483647, 4294967294, 50",
            "46116860184273879, 92233720368547758, 50",
            "50000000000000000, 100000000000000000, 50",
            "4611686018427387903, 9223372036854775807, 50",
            "9223372036854775806, 9223372036854775807, 100",
            "9223372036854775807, 9223372036854775807, 100",
            "1, 9223372036854775807, 0",
            "92233720368547758, 9223372036854775807, 1",
            "922337203685477580, 9223372036854775807, 10",
    })
    void givenCountsLargeEnoughToOverflowALong_whenThePercentIsAsked_thenItIsStillRoundedHalfUp(
            long done, long total, int percent) {
        assertThat(new Progress(done, total).percent()).isEqualTo(percent);
    }

    @Test
    void givenTheProgress_whenRead_thenItKeepsTheCountsItWasGiven() {
        Progress progress = new Progress(2, 5);

        assertThat(progress.done()).isEqualTo(2);
        assertThat(progress.total()).isEqualTo(5);
    }

    @ParameterizedTest(name = "{0} of {1}")
    @CsvSource({
            "4, 3",
            "1, 0",
            "-1, 3",
            "0, -1",
            "-2, -1",
            "-1, -1",
    })
    void givenDoneAboveTotalOrANegativeCount_whenCreated_thenTheProgressIsRefused(long done, long total) {
        assertThatThrownBy(() -> new Progress(done, total))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("progress must have 0 <= done <= total");
    }
}
