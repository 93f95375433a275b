package org.dreamdiary.application.port.out;

import java.util.function.Supplier;

/** Runs one use case as one unit of work: everything it wrote is committed together, or nothing is. */
public interface Transactions {
    <T> T inTransaction(Supplier<T> work);
}
