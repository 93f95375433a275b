package org.dreamdiary.adapter.http.routing;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.dreamdiary.adapter.http.json.Choices;
import org.dreamdiary.adapter.http.json.Uuids;
import org.dreamdiary.domain.error.FieldError;
import org.dreamdiary.domain.error.InvalidValueException;
import org.dreamdiary.domain.error.ValidationException;

/** Reads query parameters, collecting every bad one into a single {@code 422} like {@code JsonFields} does for bodies. */
public final class QueryParams {
    private final Context ctx;
    private final List<FieldError> errors = new ArrayList<>();

    public QueryParams(Context ctx) {
        this.ctx = ctx;
    }

    public int integer(String name, int fallback, int min, int max) {
        return integerIn(name, min, max).orElse(fallback);
    }

    /** An integer within bounds, or nothing when the parameter is absent. */
    public Optional<Integer> integerIn(String name, int min, int max) {
        return read(name, text -> parseInteger(text, min, max));
    }

    /** One of the given words, exactly as written there, mapped to its value. */
    public <T> Optional<T> choice(String name, Map<String, T> choices) {
        return read(name, text -> Choices.pick(choices, text));
    }

    /** Free text, trimmed; an empty value counts as absent. */
    public Optional<String> text(String name, int maxLength) {
        return read(name, text -> {
            String trimmed = text.strip();
            if (trimmed.codePointCount(0, trimmed.length()) > maxLength) {
                throw new InvalidValueException("must be at most " + maxLength + " characters");
            }
            return trimmed;
        }).filter(text -> !text.isEmpty());
    }

    public Optional<Boolean> bool(String name) {
        return read(name, text -> switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidValueException("must be true or false");
        });
    }

    public Optional<LocalDate> date(String name) {
        return read(name, text -> {
            try {
                return LocalDate.parse(text);
            } catch (java.time.format.DateTimeParseException e) {
                throw new InvalidValueException("must be a date YYYY-MM-DD");
            }
        });
    }

    public Optional<UUID> uuid(String name) {
        return read(name, text -> {
            UUID id = Uuids.parseOrNull(text);
            if (id == null) {
                throw new InvalidValueException("must be a UUID");
            }
            return id;
        });
    }

    private static int parseInteger(String text, int min, int max) {
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new InvalidValueException("must be an integer");
        }
        if (value < min || value > max) {
            throw new InvalidValueException("must be " + min + " to " + max);
        }
        return value;
    }

    /** Throws a validation failure naming every bad parameter. */
    public void validate() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private <T> Optional<T> read(String name, Function<String, T> parse) {
        String text = ctx.queryParam(name);
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse.apply(text));
        } catch (InvalidValueException e) {
            errors.add(new FieldError(name, e.getMessage()));
            return Optional.empty();
        }
    }
}
