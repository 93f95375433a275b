package org.dreamdiary.adapter.http.json;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How one JSON value becomes a typed value. It throws
 * {@link org.dreamdiary.domain.error.InvalidValueException} with the rule the value breaks.
 */
@FunctionalInterface
public interface FieldType<T> {
    T read(JsonNode node);

    default <R> FieldType<R> then(java.util.function.Function<? super T, ? extends R> next) {
        return node -> next.apply(read(node));
    }
}
