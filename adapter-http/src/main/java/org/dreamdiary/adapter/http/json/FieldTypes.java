package org.dreamdiary.adapter.http.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dreamdiary.domain.error.InvalidValueException;
import org.dreamdiary.domain.text.TextRules;

/** The field types of request bodies, each strict about the JSON type it takes. */
public final class FieldTypes {
    private FieldTypes() {
    }

    /** A string, trimmed at both ends, then {@code min..max} code points without control characters. */
    public static FieldType<String> text(int min, int max) {
        return node -> TextRules.bounded(string(node).strip(), min, max);
    }

    /** A string taken exactly as sent (passwords): {@code min..max} code points, nothing trimmed. */
    public static FieldType<String> exactText(int min, int max) {
        return node -> {
            String value = string(node);
            int length = value.codePointCount(0, value.length());
            if (length < min || length > max) {
                throw new InvalidValueException("must be " + min + " to " + max + " characters");
            }
            return value;
        };
    }

    public static FieldType<Integer> integer(int min, int max) {
        return node -> {
            if (!node.isIntegralNumber() || !node.canConvertToInt()) {
                throw new InvalidValueException("must be an integer");
            }
            int value = node.intValue();
            if (value < min || value > max) {
                throw new InvalidValueException("must be " + min + " to " + max);
            }
            return value;
        };
    }

    public static FieldType<Boolean> bool() {
        return node -> {
            if (!node.isBoolean()) {
                throw new InvalidValueException("must be true or false");
            }
            return node.booleanValue();
        };
    }

    /** One of the given words, exactly as written there, mapped to its value. */
    public static <T> FieldType<T> choice(Map<String, T> choices) {
        return node -> Choices.pick(choices, node.isTextual() ? node.textValue() : null);
    }

    /** A calendar date {@code YYYY-MM-DD}, 0001-01-01 to 9999-12-31. */
    public static FieldType<LocalDate> date() {
        return node -> CalendarDates.parse(string(node));
    }

    public static FieldType<UUID> uuid() {
        return node -> parseUuid(string(node));
    }

    /** What a dream, task or diary entry holds ({@code attachment_ids}): at most 20 attachment ids, in order. */
    public static FieldType<List<UUID>> attachmentIds() {
        return list(uuid(), 20);
    }

    /** A JSON array of at most {@code maxItems} values of {@code item}. */
    public static <T> FieldType<List<T>> list(FieldType<T> item, int maxItems) {
        return node -> {
            if (!node.isArray()) {
                throw new InvalidValueException("must be an array");
            }
            if (node.size() > maxItems) {
                throw new InvalidValueException("must have at most " + maxItems + " items");
            }
            List<T> values = new ArrayList<>(node.size());
            for (int i = 0; i < node.size(); i++) {
                try {
                    values.add(item.read(node.get(i)));
                } catch (InvalidValueException e) {
                    throw new InvalidValueException("item " + i + " " + e.getMessage());
                }
            }
            return values;
        };
    }

    static UUID parseUuid(String value) {
        UUID parsed = Uuids.parseOrNull(value);
        if (parsed == null) {
            throw new InvalidValueException("must be a UUID");
        }
        return parsed;
    }

    /** Every string of a body: a lone surrogate (an escaped {@code \\ud800}) is refused, never stored altered. */
    private static String string(JsonNode node) {
        if (!node.isTextual()) {
            throw new InvalidValueException("must be a string");
        }
        return TextRules.requireWellFormed(node.textValue());
    }
}
