package org.dreamdiary.archfixture.persistence.contract;

import org.dreamdiary.archfixture.adapter.memory.MemoryDreams;

/** Exists to be caught: the kit naming a concrete adapter, which only bootstrap may. */
public final class NamesAnAdapter {
    MemoryDreams dreams;
}
