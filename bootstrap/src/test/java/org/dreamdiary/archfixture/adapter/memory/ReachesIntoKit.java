package org.dreamdiary.archfixture.adapter.memory;

import org.dreamdiary.archfixture.persistence.contract.DreamsContract;

/** Exists to be caught: an adapter's main code depending on the contract kit. */
public final class ReachesIntoKit {
    DreamsContract contract;
}
