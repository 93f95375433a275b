package org.dreamdiary.adapter.http.json;

import java.util.Map;
import java.util.TreeSet;
import org.dreamdiary.domain.error.InvalidValueException;

/** Words from a closed list (statuses, sort orders), in bodies and queries alike. */
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
}
