package org.dreamdiary.adapter.http.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.dreamdiary.application.change.Change;
import org.dreamdiary.domain.error.FieldError;
import org.dreamdiary.domain.error.InvalidValueException;
import org.dreamdiary.domain.error.ValidationException;

/**
 * Reads the fields of a JSON object and collects every problem instead of stopping at the first: a wrong
 * type, a missing required field, a value out of range, and (in {@link #validate()}) every field nobody read.
 * A read that failed returns {@code null} or empty; {@link #validate()} then throws before anything uses it.
 */
public final class JsonFields {
    private final ObjectNode body;
    private final Set<String> known = new HashSet<>();
    private final List<FieldError> errors = new ArrayList<>();

    public JsonFields(ObjectNode body) {
        this.body = body;
    }

    /** A field that must be present and not {@code null}. */
    public <T> T required(String name, FieldType<T> type) {
        JsonNode node = lookup(name);
        if (node == null || node.isNull()) {
            errors.add(new FieldError(name, "is required"));
            return null;
        }
        return convert(name, node, type);
    }

    /** A field that may be missing or {@code null}, both meaning "not given". */
    public <T> Optional<T> optional(String name, FieldType<T> type) {
        JsonNode node = lookup(name);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        return Optional.ofNullable(convert(name, node, type));
    }

    /** A PATCH field whose {@code null} clears it. */
    public <T> Change<T> clearable(String name, FieldType<T> type) {
        return change(name, type, true);
    }

    /** A PATCH field that cannot be cleared: {@code null} is refused. */
    public <T> Change<T> settable(String name, FieldType<T> type) {
        return change(name, type, false);
    }

    /** Throws a validation failure naming every offending field, unknown fields included. */
    public void validate() {
        List<FieldError> all = new ArrayList<>(errors);
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                all.add(new FieldError(name, "is not a known field"));
            }
        }
        if (!all.isEmpty()) {
            throw new ValidationException(all);
        }
    }

    private <T> Change<T> change(String name, FieldType<T> type, boolean nullable) {
        JsonNode node = lookup(name);
        if (node == null) {
            return Change.unchanged();
        }
        if (node.isNull()) {
            if (!nullable) {
                errors.add(new FieldError(name, "cannot be null"));
                return Change.unchanged();
            }
            return Change.to(null);
        }
        T value = convert(name, node, type);
        return value == null ? Change.unchanged() : Change.to(value);
    }

    private JsonNode lookup(String name) {
        known.add(name);
        return body.get(name);
    }

    private <T> T convert(String name, JsonNode node, FieldType<T> type) {
        try {
            return type.read(node);
        } catch (InvalidValueException e) {
            errors.add(new FieldError(name, e.getMessage()));
            return null;
        }
    }
}
