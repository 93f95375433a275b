package org.dreamdiary.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A rule aimed at a package that does not exist (a typo, a renamed module) must fail, not pass having checked nothing. */
class RulesAimedAtNothingFailTest {
    private static final String MISSING_ROOT = "org.dreamdiary.nosuchpackage";

    // ArchUnit's own default is the same today; the file pins it, and this proves the file is read.
    @Test
    void failOnEmptyShouldIsSwitchedOnInArchunitProperties() {
        assertThat(ArchConfiguration.get().getPropertyOrDefault("archRule.failOnEmptyShould", "unset"))
                .isEqualTo("true");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyRuleAimedAtMissingRoot")
    void givenRuleAimedAtMissingPackage_whenChecked_thenItFails(ArchRule rule) {
        assertThatThrownBy(() -> rule.check(CompiledClasses.real()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("failed to check any classes");
    }

    static Stream<Named<ArchRule>> everyRuleAimedAtMissingRoot() {
        return HouseRules.all(MISSING_ROOT).stream().map(rule -> Named.of(rule.getDescription(), rule));
    }
}
