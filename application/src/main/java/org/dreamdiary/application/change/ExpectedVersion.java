package org.dreamdiary.application.change;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.dreamdiary.domain.error.NotFoundException;
import org.dreamdiary.domain.error.StaleVersionException;

/**
 * The version a change requires the resource to be at (HTTP's {@code If-Match}), or nothing. The use case that
 * writes hands it to its writing statement, which changes nothing unless the resource is still at that version, so
 * no other change can come between the check and the write. A resource that is not there meets no condition: with
 * one it is a failed condition ({@code 412}), without one not found ({@code 404}).
 */
public final class ExpectedVersion {
    private static final ExpectedVersion NONE = new ExpectedVersion(Kind.NONE, Set.of());
    private static final ExpectedVersion ANY = new ExpectedVersion(Kind.ANY, Set.of());

    private enum Kind { NONE, ANY, ONE_OF }

    private final Kind kind;
    private final Set<Long> versions;

    private ExpectedVersion(Kind kind, Set<Long> versions) {
        this.kind = kind;
        this.versions = versions;
    }

    /** No condition: the change applies to the resource as it is. */
    public static ExpectedVersion none() {
        return NONE;
    }

    /** Any version, as long as the resource is there ({@code If-Match: *}). */
    public static ExpectedVersion any() {
        return ANY;
    }

    public static ExpectedVersion of(long version) {
        return oneOf(List.of(version));
    }

    /**
     * One of {@code versions}. None at all is a condition that no version meets: a client's {@code If-Match} that
     * names only tags this service did not give, or weak ones.
     */
    public static ExpectedVersion oneOf(Collection<Long> versions) {
        return new ExpectedVersion(Kind.ONE_OF, Set.copyOf(versions));
    }

    public boolean isGiven() {
        return kind != Kind.NONE;
    }

    public boolean admits(long version) {
        return kind != Kind.ONE_OF || versions.contains(version);
    }

    /** What to throw when the resource is not there: a failed condition when one was given, else not found. */
    public RuntimeException gone(String resource) {
        return isGiven() ? StaleVersionException.gone("the " + resource) : new NotFoundException(resource);
    }

    /** Fails unless the resource just read is at a version this admits. */
    public void check(long version, String resource) {
        if (!admits(version)) {
            throw new StaleVersionException("the " + resource);
        }
    }

    /** The resource just read, there and at a version this admits. */
    public <T> T checked(Optional<? extends T> current, ToLongFunction<? super T> version, String resource) {
        T found = current.orElseThrow(() -> gone(resource));
        check(version.applyAsLong(found), resource);
        return found;
    }

    /**
     * The version the writing statement must find, after the resource was read and {@link #checked} at
     * {@code checkedVersion}: that one when versions were named; empty (any) without a condition or with {@code *}.
     */
    public OptionalLong versionToFind(long checkedVersion) {
        return kind == Kind.ONE_OF ? OptionalLong.of(checkedVersion) : OptionalLong.empty();
    }

    /**
     * The version the writing statement must find, for a change that needs nothing read first (a delete): the one
     * version named, so nothing is read; empty (any) without a condition or with {@code *}. Only when several
     * versions (or none) are named is {@code current} read, and the version found among them is the one to find.
     */
    public <T> OptionalLong versionToFind(Supplier<? extends Optional<? extends T>> current,
                                          ToLongFunction<? super T> version, String resource) {
        if (kind != Kind.ONE_OF) {
            return OptionalLong.empty();
        }
        if (versions.size() == 1) {
            return OptionalLong.of(versions.iterator().next());
        }
        return OptionalLong.of(version.applyAsLong(checked(current.get(), version, resource)));
    }

    /**
     * Why a writing statement that had to find {@link #versionToFind} changed nothing, told by {@code current},
     * the resource as read after it: with a condition, changed by someone else or gone ({@code 412}); without
     * one, gone ({@code 404}).
     */
    public RuntimeException missed(Optional<?> current, String resource) {
        return isGiven() && current.isPresent() ? new StaleVersionException("the " + resource) : gone(resource);
    }
}
