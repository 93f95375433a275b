package org.dreamdiary.application.change;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.dreamdiary.domain.error.NotFoundException;
import org.dreamdiary.domain.error.StaleVersionException;

/**
 * What a change requires of the resource as it is when the change runs (HTTP's {@code If-Match}), or nothing.
 * The use case that writes checks it in its own transaction against what it has just read, and its writing
 * statement then requires the version it checked, so no other change can come between the check and the write.
 * A resource that is not there fails every condition: no state of it is the one the change was based on.
 */
public final class Precondition<T> {
    private static final Precondition<Object> NONE = new Precondition<>(null);

    private final Predicate<? super T> test;

    private Precondition(Predicate<? super T> test) {
        this.test = test;
    }

    /** No condition: the change applies to the resource as it is. */
    @SuppressWarnings("unchecked")
    public static <T> Precondition<T> none() {
        return (Precondition<T>) NONE;
    }

    /** The change may only be made while {@code isMetBy} holds for the resource as it is then. */
    public static <T> Precondition<T> requiring(Predicate<? super T> isMetBy) {
        return new Precondition<>(Objects.requireNonNull(isMetBy));
    }

    public boolean isGiven() {
        return test != null;
    }

    /** What to throw when the resource is not there: a failed condition when one was given, else not found. */
    public RuntimeException gone(String resource) {
        return isGiven() ? StaleVersionException.gone("the " + resource) : new NotFoundException(resource);
    }

    /** Fails unless the resource as it is now meets the condition; {@code current} is read only when there is one. */
    public void check(Supplier<? extends T> current, String resource) {
        if (isGiven() && !test.test(current.get())) {
            throw new StaleVersionException("the " + resource);
        }
    }

    /** The resource just read, there and meeting the condition. */
    public T checked(Optional<? extends T> current, String resource) {
        T found = current.orElseThrow(() -> gone(resource));
        check(() -> found, resource);
        return found;
    }

    /** The version the writing statement must still find: the one just checked, or any (empty) without a condition. */
    public OptionalLong versionToFind(long checkedVersion) {
        return isGiven() ? OptionalLong.of(checkedVersion) : OptionalLong.empty();
    }

    /**
     * For a change that needs nothing read when unconditional (a delete): reads and checks the resource only when
     * a condition was given, and answers the version its writing statement must find.
     */
    public OptionalLong versionToFind(Supplier<? extends Optional<? extends T>> current, ToLongFunction<? super T> version,
                                      String resource) {
        return isGiven() ? OptionalLong.of(version.applyAsLong(checked(current.get(), resource))) : OptionalLong.empty();
    }
}
