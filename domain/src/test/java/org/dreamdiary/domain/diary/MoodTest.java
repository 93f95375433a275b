package org.dreamdiary.domain.diary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dreamdiary.domain.error.InvalidValueException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MoodTest {

    @ParameterizedTest(name = "mood {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void givenAMoodFromOneToFive_whenCreated_thenItIsKept(int value) {
        assertThat(new Mood(value).value()).isEqualTo(value);
    }

    @ParameterizedTest(name = "mood {0}")
    @ValueSource(ints = {0, 6, -1, 10, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void givenAMoodOutsideOneToFive_whenCreated_thenItIsRefused(int value) {
        assertThatThrownBy(() -> new Mood(value))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("must be 1 to 5");
    }
}
