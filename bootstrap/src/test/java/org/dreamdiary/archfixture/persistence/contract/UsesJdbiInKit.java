package org.dreamdiary.archfixture.persistence.contract;

import org.jdbi.v3.core.Jdbi;

/** Exists to be caught: the kit depending on one adapter's library. */
public final class UsesJdbiInKit {
    Jdbi jdbi;
}
