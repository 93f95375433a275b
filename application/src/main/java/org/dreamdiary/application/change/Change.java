package org.dreamdiary.application.change;

import java.util.Objects;
import java.util.Optional;

/**
 * One field of a partial update: left as it is, or set to a value, where {@code null} clears a nullable field.
 * An {@link Optional} cannot say "clear", so updates carry this instead.
 */
public final class Change<T> {
    private static final Change<?> UNCHANGED = new Change<>(false, null);

    private final boolean present;
    private final T value;

    private Change(boolean present, T value) {
        this.present = present;
        this.value = value;
    }

    @SuppressWarnings("unchecked")
    public static <T> Change<T> unchanged() {
        return (Change<T>) UNCHANGED;
    }

    /** Set the field to {@code value}; {@code null} clears it. */
    public static <T> Change<T> to(T value) {
        return new Change<>(true, value);
    }

    public boolean isPresent() {
        return present;
    }

    /** The value to use: the new one when the field changes, {@code current} otherwise. */
    public T orElse(T current) {
        return present ? value : current;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Change<?> that && present == that.present && Objects.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(present, value);
    }

    @Override
    public String toString() {
        return present ? "Change.to(" + value + ")" : "Change.unchanged()";
    }
}
