package org.dreamdiary.adapter.http.routing;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.dreamdiary.adapter.http.json.CalendarDates;
import org.dreamdiary.adapter.http.json.Choices;
import org.dreamdiary.adapter.http.json.Utf8;
import org.dreamdiary.adapter.http.json.Uuids;
import org.dreamdiary.domain.error.FieldError;
import org.dreamdiary.domain.error.InvalidValueException;
import org.dreamdiary.domain.error.ValidationException;
import org.dreamdiary.domain.text.TextRules;

/**
 * Reads query parameters, collecting every bad one into a single {@code 422} like {@code JsonFields} does for bodies.
 * Before any route runs, {@link #requireWellFormed} holds every parameter to the text rules of bodies.
 */
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
        return read(name, CalendarDates::parse);
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

    /**
     * Checks every parameter of the request, read by its route or not: names and values must be percent-encoded
     * UTF-8 without control characters, else a {@code 422} names each offender. Javalin's own decoding would
     * turn bad bytes into U+FFFD or fail with an exception; after this check it has neither to do.
     */
    public static void requireWellFormed(Context ctx) {
        String query = ctx.queryString();
        if (query == null) {
            return;
        }
        List<FieldError> errors = new ArrayList<>();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            String name;
            try {
                name = TextRules.requireNoControlCharacters(decode(rawName));
            } catch (InvalidValueException e) {
                errors.add(new FieldError(rawName, e.getMessage()));
                continue;
            }
            try {
                TextRules.requireNoControlCharacters(decode(equals < 0 ? "" : pair.substring(equals + 1)));
            } catch (InvalidValueException e) {
                errors.add(new FieldError(name, e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /** Form decoding ({@code +} is a space) that refuses what {@code URLDecoder} lets through or throws on. */
    static String decode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); ) {
            int c = raw.codePointAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || !HexFormat.isHexDigit(raw.charAt(i + 1)) || !HexFormat.isHexDigit(raw.charAt(i + 2))) {
                    throw notUtf8();
                }
                bytes.write(HexFormat.fromHexDigits(raw, i + 1, i + 3));
                i += 3;
            } else {
                bytes.writeBytes(c == '+' ? new byte[] {' '} : Character.toString(c).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(c);
            }
        }
        String text = Utf8.decodeOrNull(bytes.toByteArray());
        if (text == null) {
            throw notUtf8();
        }
        return text;
    }

    private static InvalidValueException notUtf8() {
        return new InvalidValueException("must be percent-encoded UTF-8");
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
