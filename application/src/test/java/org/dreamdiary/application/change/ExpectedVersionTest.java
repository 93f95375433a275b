package org.dreamdiary.application.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.dreamdiary.domain.error.NotFoundException;
import org.dreamdiary.domain.error.StaleVersionException;
import org.junit.jupiter.api.Test;

class ExpectedVersionTest {
    private static final ExpectedVersion AT_TWO = ExpectedVersion.of(2);

    /** A resource as a use case reads it: here just its version. */
    private static Supplier<Optional<Long>> neverRead() {
        return () -> {
            throw new AssertionError("read although the version to find was known");
        };
    }

    private static Supplier<Optional<Long>> at(long version) {
        return () -> Optional.of(version);
    }

    @Test
    void givenNoCondition_thenEveryVersionIsAdmittedAndTheWriteMayFindAny() {
        ExpectedVersion none = ExpectedVersion.none();

        assertThat(none.isGiven()).isFalse();
        assertThat(none.admits(7)).isTrue();
        assertThat(none.versionToFind(7)).isEmpty();
        assertThat(none.versionToFind(neverRead(), version -> version, "dream")).isEmpty();
    }

    @Test
    void givenAnyVersion_thenEveryVersionIsAdmittedButTheResourceMustBeThere() {
        ExpectedVersion any = ExpectedVersion.any();

        assertThat(any.isGiven()).isTrue();
        assertThat(any.admits(7)).isTrue();
        assertThat(any.versionToFind(7)).isEmpty();
        assertThat(any.versionToFind(neverRead(), version -> version, "dream")).isEmpty();
        assertThatThrownBy(() -> any.checked(Optional.empty(), version -> 1L, "dream"))
                .isInstanceOf(StaleVersionException.class).hasMessage("the dream is not there (any more)");
    }

    @Test
    void givenOneVersion_whenDeleting_thenTheWriteMustFindItAndNothingIsReadBefore() {
        assertThat(AT_TWO.admits(2)).isTrue();
        assertThat(AT_TWO.admits(3)).isFalse();
        assertThat(AT_TWO.versionToFind(neverRead(), version -> version, "dream")).isEqualTo(OptionalLong.of(2));
    }

    @Test
    void givenSeveralVersions_whenDeleting_thenTheResourceIsReadAndTheWriteMustFindTheVersionFound() {
        ExpectedVersion twoOrThree = ExpectedVersion.oneOf(List.of(2L, 3L));

        assertThat(twoOrThree.versionToFind(at(3), version -> version, "goal")).isEqualTo(OptionalLong.of(3));
        assertThatThrownBy(() -> twoOrThree.versionToFind(at(4), version -> version, "goal"))
                .isInstanceOf(StaleVersionException.class).hasMessage("the goal was changed by someone else");
        assertThatThrownBy(() -> twoOrThree.versionToFind(Optional::<Long>empty, version -> version, "goal"))
                .isInstanceOf(StaleVersionException.class).hasMessage("the goal is not there (any more)");
    }

    @Test
    void givenNoVersionAtAll_thenTheConditionIsGivenAndNothingMeetsIt() {
        ExpectedVersion nothing = ExpectedVersion.oneOf(List.of());

        assertThat(nothing.isGiven()).isTrue();
        assertThat(nothing.admits(1)).isFalse();
        assertThatThrownBy(() -> nothing.versionToFind(at(1), version -> version, "task"))
                .isInstanceOf(StaleVersionException.class);
    }

    @Test
    void givenACondition_whenTheResourceReadIsAnotherVersion_thenStale() {
        assertThatThrownBy(() -> AT_TWO.checked(Optional.of(3L), version -> version, "dream"))
                .isInstanceOf(StaleVersionException.class).hasMessage("the dream was changed by someone else");
        assertThatThrownBy(() -> AT_TWO.check(3, "dream")).isInstanceOf(StaleVersionException.class);
        assertThat(AT_TWO.checked(Optional.of(2L), version -> version, "dream")).isEqualTo(2L);
        assertThat(AT_TWO.versionToFind(2)).hasValue(2);
    }

    @Test
    void givenNoCondition_whenTheResourceIsNotThere_thenNotFoundButWithOneStale() {
        assertThatThrownBy(() -> ExpectedVersion.none().checked(Optional.empty(), version -> 1L, "dream"))
                .isInstanceOf(NotFoundException.class).hasMessage("dream not found");
        assertThat(ExpectedVersion.none().gone("dream")).isInstanceOf(NotFoundException.class);
        assertThat(AT_TWO.gone("dream")).isInstanceOf(StaleVersionException.class);
    }

    @Test
    void givenAWriteThatChangedNothing_thenTheResourceReadAfterItTellsWhy() {
        assertThat(AT_TWO.missed(Optional.of(3L), "dream")).isInstanceOf(StaleVersionException.class)
                .hasMessage("the dream was changed by someone else");
        assertThat(AT_TWO.missed(Optional.empty(), "dream")).isInstanceOf(StaleVersionException.class)
                .hasMessage("the dream is not there (any more)");
        assertThat(ExpectedVersion.any().missed(Optional.empty(), "dream")).isInstanceOf(StaleVersionException.class);
        assertThat(ExpectedVersion.none().missed(Optional.empty(), "dream")).isInstanceOf(NotFoundException.class);
    }
}
