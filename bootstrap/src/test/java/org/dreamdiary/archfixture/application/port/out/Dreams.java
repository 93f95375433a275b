package org.dreamdiary.archfixture.application.port.out;

import org.dreamdiary.archfixture.domain.Dream;

/** A well-behaved outbound port. */
public interface Dreams {
    void save(Dream dream);
}
