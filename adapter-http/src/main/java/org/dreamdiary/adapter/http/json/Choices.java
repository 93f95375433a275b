package org.dreamdiary.adapter.http.json;

import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dreamdiary.domain.error.InvalidValueException;

/** Words from a closed list (statuses, kinds, sort orders), in bodies, queries and responses alike. */
public final class Choices {
    private Choices() {
    }

    public static <T> T pick(Map<String, T> choices, String word) {
        T value = word == null ? null : choices.get(word);
        if (value == null) {
            throw new InvalidValueException("must be one of " + String.join(", ", new TreeSet<>(choices.keySet())));
        }
        return value;
    }

    /** How a response writes {@code value}: its name in lower case ({@code ACHIEVED} is {@code achieved}). */
    public static String word(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** Every value of an enum by its {@link #word}, for reading it back from a body or a query. */
    public static <E extends Enum<E>> Map<String, E> words(E[] values) {
        return Stream.of(values).collect(Collectors.toUnmodifiableMap(Choices::word, value -> value));
    }
}
