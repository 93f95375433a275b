package org.dreamdiary.domain.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Named.named;

import java.util.function.Function;
import java.util.stream.Stream;
import org.dreamdiary.domain.error.InvalidValueException;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Name (1–200), Description (0–10000), TaskText (1–1000) and Notes (0–10000), all counted in code points. */
class PlanningTextValuesTest {

    private static final String EMOJI = "\uD83C\uDFC3"; // 🏃, one code point, two chars

    /** One kind of text: how to make it, how to read it back, and its limits. */
    record Kind(Function<String, Object> make, Function<Object, String> value, int min, int max, int declaredMax) {
    }

    static Stream<Named<Kind>> kinds() {
        return Stream.of(
                named("Name", new Kind(Name::new, v -> ((Name) v).value(), 1, 200, Name.MAX_LENGTH)),
                named("Description", new Kind(Description::new, v -> ((Description) v).value(), 0, 10000, Description.MAX_LENGTH)),
                named("TaskText", new Kind(TaskText::new, v -> ((TaskText) v).value(), 1, 1000, TaskText.MAX_LENGTH)),
                named("Notes", new Kind(Notes::new, v -> ((Notes) v).value(), 0, 10000, Notes.MAX_LENGTH)));
    }

    static Stream<Named<Kind>> kindsThatMayNotBeEmpty() {
        return kinds().filter(kind -> kind.getPayload().min() == 1);
    }

    static Stream<Named<Kind>> kindsThatMayBeEmpty() {
        return kinds().filter(kind -> kind.getPayload().min() == 0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void givenTheDeclaredMaximumLength_whenCompared_thenItIsTheLimitTheApiPromises(Kind kind) {
        assertThat(kind.declaredMax()).isEqualTo(kind.max());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void givenExactlyTheMaximumLength_whenCreated_thenTheTextIsKeptAsIs(Kind kind) {
        String text = "a".repeat(kind.max());

        assertThat(kind.value().apply(kind.make().apply(text))).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void givenOneCharacterOverTheMaximum_whenCreated_thenTheTextIsRefused(Kind kind) {
        String text = "a".repeat(kind.max() + 1);

        assertThatThrownBy(() -> kind.make().apply(text))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage(lengthMessage(kind));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void givenExactlyTheMinimumLength_whenCreated_thenTheTextIsKeptAsIs(Kind kind) {
        String text = "a".repeat(kind.min());

        assertThat(kind.value().apply(kind.make().apply(text))).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kindsThatMayNotBeEmpty")
    void givenAnEmptyTextWhereOneCharacterIsTheMinimum_whenCreated_thenItIsRefused(Kind kind) {
        assertThatThrownBy(() -> kind.make().apply(""))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("must be 1 to " + kind.max() + " characters");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kindsThatMayBeEmpty")
    void givenAnEmptyTextWhereNothingIsTheMinimum_whenCreated_thenItIsAccepted(Kind kind) {
        assertThat(kind.value().apply(kind.make().apply(""))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void givenTheMaximumNumberOfEmojis_whenCreated_thenEachEmojiCountsAsOneCharacter(Kind kind) {
        String text = EMOJI.repeat(kind.max());
        assertThat(text).hasSize(2 * kind.max());

        assertThat(kind.value().apply(kind.make().apply(text))).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void givenOneEmojiMoreThanTheMaximum_whenCreated_thenTheTextIsRefused(Kind kind) {
        String text = EMOJI.repeat(kind.max() + 1);

        assertThatThrownBy(() -> kind.make().apply(text))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage(lengthMessage(kind));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kindsThatMayNotBeEmpty")
    void givenASingleEmoji_whenCreated_thenItIsLongEnough(Kind kind) {
        assertThat(kind.value().apply(kind.make().apply(EMOJI))).isEqualTo(EMOJI);
    }

    static Stream<Arguments> kindsWithForbiddenControlCharacters() {
        return kinds().flatMap(kind -> Stream.of(0x00, 0x07, 0x1B, 0x1F, 0x7F, 0x85, 0x9F)
                .map(codePoint -> Arguments.of(kind, named(String.format("U+%04X", codePoint), codePoint))));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("kindsWithForbiddenControlCharacters")
    void givenAControlCharacter_whenCreated_thenTheTextIsRefused(Kind kind, int codePoint) {
        String text = "go" + Character.toString(codePoint) + "al";

        assertThatThrownBy(() -> kind.make().apply(text))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("must not contain control characters");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void givenTabsAndLineBreaks_whenCreated_thenTheyAreAllowed(Kind kind) {
        String text = "one\ttwo\r\nthree\nfour";

        assertThat(kind.value().apply(kind.make().apply(text))).isEqualTo(text);
    }

    private static String lengthMessage(Kind kind) {
        return kind.min() == 0
                ? "must be at most " + kind.max() + " characters"
                : "must be " + kind.min() + " to " + kind.max() + " characters";
    }
}
