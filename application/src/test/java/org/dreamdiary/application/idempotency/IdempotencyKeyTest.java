package org.dreamdiary.application.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dreamdiary.domain.error.InvalidValueException;
import org.junit.jupiter.api.Test;

class IdempotencyKeyTest {

    @Test
    void givenOneTo255Characters_whenMade_thenTheKeyIsKeptAsGiven() {
        assertThat(new IdempotencyKey("k").value()).isEqualTo("k");
        assertThat(new IdempotencyKey("é".repeat(255)).value()).hasSize(255);
        assertThat(new IdempotencyKey("😀".repeat(255)).value()).as("255 code points, 510 chars").hasSize(510);
    }

    @Test
    void givenNoCharacterOrMoreThan255_whenMade_thenItIsRefused() {
        assertThatThrownBy(() -> new IdempotencyKey("")).isInstanceOf(InvalidValueException.class)
                .hasMessage("must be 1 to 255 characters");
        assertThatThrownBy(() -> new IdempotencyKey("k".repeat(256))).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void givenAControlCharacter_whenMade_thenItIsRefused() {
        for (String key : new String[] {"a\tb", "a\u0000b", "a\u007fb", "a\u0085b"}) {
            assertThatThrownBy(() -> new IdempotencyKey(key)).as(key).isInstanceOf(InvalidValueException.class)
                    .hasMessage("must not contain control characters");
        }
    }
}
