package org.dreamdiary.archfixture.adapter.memory;

import org.dreamdiary.archfixture.adapter.persistence.JdbiDreams;

/** Exists to be caught: the memory adapter building on the persistence adapter. */
public final class UsesPersistenceAdapter {
    JdbiDreams dreams;
}
