package org.dreamdiary.application.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.dreamdiary.domain.error.NotFoundException;
import org.dreamdiary.domain.error.StaleVersionException;
import org.junit.jupiter.api.Test;

class PreconditionTest {
    /** A resource as a use case reads it: here just its version. */
    private static final Precondition<Long> AT_TWO = Precondition.requiring(version -> version == 2);

    private static Supplier<Optional<Long>> neverRead() {
        return () -> {
            throw new AssertionError("read without a condition");
        };
    }

    @Test
    void givenNoCondition_whenTheResourceIsNotThere_thenItIsNotFound() {
        assertThatThrownBy(() -> Precondition.<Long>none().checked(Optional.empty(), "dream"))
                .isInstanceOf(NotFoundException.class).hasMessage("dream not found");
    }

    @Test
    void givenACondition_whenTheResourceIsNotThere_thenTheConditionFails() {
        assertThatThrownBy(() -> AT_TWO.checked(Optional.empty(), "dream"))
                .isInstanceOf(StaleVersionException.class).hasMessage("the dream is not there (any more)");
    }

    @Test
    void givenACondition_whenTheResourceIsAnotherVersion_thenTheConditionFails() {
        assertThatThrownBy(() -> AT_TWO.checked(Optional.of(3L), "dream"))
                .isInstanceOf(StaleVersionException.class).hasMessage("the dream was changed by someone else");
    }

    @Test
    void givenACondition_whenTheResourceMeetsIt_thenTheWriteMustStillFindTheVersionChecked() {
        assertThat(AT_TWO.checked(Optional.of(2L), "dream")).isEqualTo(2L);
        assertThat(AT_TWO.versionToFind(2)).hasValue(2);
        assertThat(AT_TWO.versionToFind(() -> Optional.of(2L), version -> version, "dream")).hasValue(2);
    }

    @Test
    void givenNoCondition_whenDeleting_thenNothingIsReadAndAnyVersionMayBeDeleted() {
        Precondition<Long> none = Precondition.none();

        assertThat(none.isGiven()).isFalse();
        assertThat(none.versionToFind(neverRead(), version -> version, "dream")).isEqualTo(OptionalLong.empty());
        assertThat(none.versionToFind(7)).isEmpty();
        none.check(() -> {
            throw new AssertionError("read without a condition");
        }, "dream");
    }

    @Test
    void givenACondition_whenDeletingAResourceThatIsNotThere_thenTheConditionFails() {
        assertThatThrownBy(() -> AT_TWO.versionToFind(Optional::empty, version -> version, "goal"))
                .isInstanceOf(StaleVersionException.class);
        assertThat(AT_TWO.gone("goal")).isInstanceOf(StaleVersionException.class);
        assertThat(Precondition.none().gone("goal")).isInstanceOf(NotFoundException.class);
    }
}
