package org.dreamdiary.archfixture.adapter.memory;

import java.util.ArrayList;
import java.util.List;
import org.dreamdiary.archfixture.application.port.out.Dreams;
import org.dreamdiary.archfixture.domain.Dream;

/** A well-behaved in-memory adapter: it implements an outbound port with the JDK alone. */
public final class MemoryDreams implements Dreams {
    private final List<Dream> dreams = new ArrayList<>();

    @Override
    public void save(Dream dream) {
        dreams.add(dream);
    }
}
