package org.dreamdiary.application.port.out;

import java.util.function.Supplier;

/** Runs one use case as one unit of work: everything it wrote is committed together, or nothing is. */
public interface Transactions {
    <T> T inTransaction(Supplier<T> work);

    /**
     * Runs a use case that only reads, in one read-only transaction that sees the data as it was at its first
     * read, however long it takes and whatever commits meanwhile: many reads make one consistent picture.
     */
    <T> T inSnapshot(Supplier<T> work);
}
