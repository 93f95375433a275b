package org.dreamdiary.client.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One field of a change ({@code PATCH}), in the three states the API tells apart: left {@link #unchanged()} (not sent),
 * {@link #clear() cleared} (sent as {@code null}), or {@link #set(Object) set} to a value.
 *
 * @param <T> the field's type
 */
public final class Field<T> {
    private static final Field<?> UNCHANGED = new Field<>(false, null);
    private static final Field<?> CLEAR = new Field<>(true, null);

    private final boolean sent;
    private final T value;

    private Field(boolean sent, T value) {
        this.sent = sent;
        this.value = value;
    }

    @SuppressWarnings("unchecked")
    public static <T> Field<T> unchanged() {
        return (Field<T>) UNCHANGED;
    }

    @SuppressWarnings("unchecked")
    public static <T> Field<T> clear() {
        return (Field<T>) CLEAR;
    }

    public static <T> Field<T> set(T value) {
        return new Field<>(true, Objects.requireNonNull(value, "value; to clear a field, use Field.clear()"));
    }

    /** Whether the change sends this field (to set or to clear it). */
    public boolean isSent() {
        return sent;
    }

    /** The value to set; empty when the field is cleared or left unchanged. */
    public Optional<T> value() {
        return Optional.ofNullable(value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Field<?> field && field.sent == sent && Objects.equals(field.value, value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sent, value);
    }

    @Override
    public String toString() {
        return !sent ? "unchanged" : value == null ? "clear" : "set(" + value + ")";
    }
}
