package org.dreamdiary.client.error;

import java.util.Optional;

/**
 * 412 Precondition Failed: the resource changed since the client read it (its {@code If-Match} named an older
 * version), so the change was not made. {@link #current(Class)} is the resource as it is now, fetched by the client,
 * whose next change is then made against this version.
 */
public final class PreconditionFailedException extends ApiException {
    private final Object current;

    public PreconditionFailedException(Problem problem, Object current) {
        super(problem);
        this.current = current;
    }

    /** The resource as it is now, or empty when it is gone (deleted since). */
    public <T> Optional<T> current(Class<T> type) {
        return type.isInstance(current) ? Optional.of(type.cast(current)) : Optional.empty();
    }
}
