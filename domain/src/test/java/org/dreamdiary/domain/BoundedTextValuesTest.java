package org.dreamdiary.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Named.named;

import java.util.function.Function;
import java.util.stream.Stream;
import org.dreamdiary.domain.diary.DiaryText;
import org.dreamdiary.domain.diary.DiaryTitle;
import org.dreamdiary.domain.error.InvalidValueException;
import org.dreamdiary.domain.planning.Description;
import org.dreamdiary.domain.planning.Name;
import org.dreamdiary.domain.planning.Notes;
import org.dreamdiary.domain.planning.TaskText;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bounded text values, all counted in code points: Name (1–200), Description (0–10000), TaskText (1–1000),
 * Notes (0–10000), DiaryTitle (0–200) and DiaryText (1–20000).
 */
class BoundedTextValuesTest {

    /** One code point, two chars each: 🏃 and 🏆. */
    private static Stream<String> emojis() {
        return Stream.of("\uD83C\uDFC3", "\uD83C\uDFC6");
    }

    /** Texts a control character is put in the middle of: "go…al" and "dia…ry". */
    private static Stream<String[]> surroundings() {
        return Stream.of(new String[] {"go", "al"}, new String[] {"dia", "ry"});
    }

    /** One kind of text: how to make it, how to read it back, and its limits. */
    record Kind(Function<String, ?> make, Function<Object, String> value, int min, int max, int declaredMax) {

        /** Makes the value from the text and reads its text back. */
        String roundTrip(String text) {
            return value.apply(make.apply(text));
        }
    }

    private static <T> Named<Kind> kind(String name, Function<String, T> make, Function<T, String> value,
            int min, int max, int declaredMax) {
        @SuppressWarnings("unchecked")
        Function<Object, String> read = v -> value.apply((T) v);
        return named(name, new Kind(make, read, min, max, declaredMax));
    }

    static Stream<Named<Kind>> kinds() {
        return Stream.of(
                kind("Name", Name::new, Name::value, 1, 200, Name.MAX_LENGTH),
                kind("Description", Description::new, Description::value, 0, 10000, Description.MAX_LENGTH),
                kind("TaskText", TaskText::new, TaskText::value, 1, 1000, TaskText.MAX_LENGTH),
                kind("Notes", Notes::new, Notes::value, 0, 10000, Notes.MAX_LENGTH),
                kind("DiaryTitle", DiaryTitle::new, DiaryTitle::value, 0, 200, DiaryTitle.MAX_LENGTH),
                kind("DiaryText", DiaryText::new, DiaryText::value, 1, 20000, DiaryText.MAX_LENGTH));
    }

    static Stream<Named<Kind>> kindsThatMayNotBeEmpty() {
        return kinds().filter(kind -> kind.getPayload().min() == 1);
    }

    static Stream<Named<Kind>> kindsThatMayBeEmpty() {
        return kinds().filter(kind -> kind.getPayload().min() == 0);
    }

    static Stream<Arguments> kindsWithEmojis() {
        return kinds().flatMap(kind -> emojis().map(emoji -> Arguments.of(kind, emoji)));
    }

    static Stream<Arguments> kindsThatMayNotBeEmptyWithEmojis() {
        return kindsThatMayNotBeEmpty().flatMap(kind -> emojis().map(emoji -> Arguments.of(kind, emoji)));
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

        assertThat(kind.roundTrip(text)).isEqualTo(text);
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

        assertThat(kind.roundTrip(text)).isEqualTo(text);
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
        assertThat(kind.roundTrip("")).isEmpty();
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("kindsWithEmojis")
    void givenTheMaximumNumberOfEmojis_whenCreated_thenEachEmojiCountsAsOneCharacter(Kind kind, String emoji) {
        String text = emoji.repeat(kind.max());
        assertThat(text).hasSize(2 * kind.max());

        assertThat(kind.roundTrip(text)).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("kindsWithEmojis")
    void givenOneEmojiMoreThanTheMaximum_whenCreated_thenTheTextIsRefused(Kind kind, String emoji) {
        String text = emoji.repeat(kind.max() + 1);

        assertThatThrownBy(() -> kind.make().apply(text))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage(lengthMessage(kind));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("kindsThatMayNotBeEmptyWithEmojis")
    void givenASingleEmoji_whenCreated_thenItIsLongEnough(Kind kind, String emoji) {
        assertThat(kind.roundTrip(emoji)).isEqualTo(emoji);
    }

    static Stream<Arguments> kindsWithForbiddenControlCharacters() {
        return kinds().flatMap(kind -> Stream.of(0x00, 0x07, 0x1B, 0x1F, 0x7F, 0x85, 0x9F)
                .flatMap(codePoint -> surroundings().map(around -> Arguments.of(
                        kind,
                        named(String.format("U+%04X", codePoint), codePoint),
                        named(around[0] + "…" + around[1], around)))));
    }

    @ParameterizedTest(name = "{0} with {1} in {2}")
    @MethodSource("kindsWithForbiddenControlCharacters")
    void givenAControlCharacter_whenCreated_thenTheTextIsRefused(Kind kind, int codePoint, String[] around) {
        String text = around[0] + Character.toString(codePoint) + around[1];

        assertThatThrownBy(() -> kind.make().apply(text))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("must not contain control characters");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void givenTabsAndLineBreaks_whenCreated_thenTheyAreAllowed(Kind kind) {
        String text = "one\ttwo\r\nthree\nfour";

        assertThat(kind.roundTrip(text)).isEqualTo(text);
    }

    private static String lengthMessage(Kind kind) {
        return kind.min() == 0
                ? "must be at most " + kind.max() + " characters"
                : "must be " + kind.min() + " to " + kind.max() + " characters";
    }
}
