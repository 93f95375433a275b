package org.dreamdiary.application.change;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChangeTest {

    @Test
    void givenAnUnchangedField_whenResolvingAgainstTheCurrentValue_thenTheCurrentValueIsKept() {
        Change<String> change = Change.unchanged();

        assertThat(change.isPresent()).isFalse();
        assertThat(change.orElse("current")).isEqualTo("current");
    }

    @Test
    void givenAFieldSetToAValue_whenResolvingAgainstTheCurrentValue_thenTheNewValueWins() {
        Change<String> change = Change.to("new");

        assertThat(change.isPresent()).isTrue();
        assertThat(change.orElse("current")).isEqualTo("new");
    }

    @Test
    void givenAFieldSetToNull_whenResolvingAgainstTheCurrentValue_thenTheFieldIsCleared() {
        Change<String> change = Change.to(null);

        assertThat(change.isPresent()).isTrue();
        assertThat(change.orElse("current")).isNull();
    }

    @Test
    void givenTwoChangesToEqualValues_whenCompared_thenTheyAreEqualWithEqualHashCodes() {
        Change<String> a = Change.to(new String("x"));
        Change<String> b = Change.to(new String("x"));

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    }

    @Test
    void givenChangesToDifferentValues_whenCompared_thenTheyDiffer() {
        assertThat(Change.to("x")).isNotEqualTo(Change.to("y"));
    }

    @Test
    void givenAClearingChange_whenComparedWithUnchanged_thenTheyDiffer() {
        assertThat(Change.<String>to(null)).isNotEqualTo(Change.unchanged());
        assertThat(Change.<String>unchanged()).isNotEqualTo(Change.to(null));
    }

    @Test
    void givenTwoClearingChanges_whenCompared_thenTheyAreEqual() {
        assertThat(Change.<String>to(null)).isEqualTo(Change.<Integer>to(null)).hasSameHashCodeAs(Change.to(null));
    }

    @Test
    void givenUnchangedOfDifferentTypes_whenCompared_thenTheyAreEqual() {
        assertThat(Change.<String>unchanged()).isEqualTo(Change.<Integer>unchanged());
    }

    @Test
    void givenAChange_whenComparedWithSomethingElse_thenItIsNotEqual() {
        assertThat(Change.to("x")).isNotEqualTo("x").isNotEqualTo(null);
    }

    @Test
    void givenChanges_whenPrinted_thenTheTextShowsWhetherAndWhatChanges() {
        assertThat(Change.to("x")).hasToString("Change.to(x)");
        assertThat(Change.unchanged()).hasToString("Change.unchanged()");
    }
}
