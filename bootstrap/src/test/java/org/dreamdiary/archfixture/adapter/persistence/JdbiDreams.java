package org.dreamdiary.archfixture.adapter.persistence;

import org.dreamdiary.archfixture.application.port.out.Dreams;
import org.dreamdiary.archfixture.domain.Dream;

/** A well-behaved storage adapter: it implements an outbound port. */
public final class JdbiDreams implements Dreams {
    @Override
    public void save(Dream dream) {
    }
}
