package org.dreamdiary.adapter.memory;

import java.util.Comparator;
import java.util.UUID;

/** Ids in the order PostgreSQL sorts its {@code uuid}s: byte by byte, unsigned, which {@link UUID#compareTo} is not. */
final class Uuids {
    static final Comparator<UUID> ORDER = Comparator.comparing(UUID::toString);

    private Uuids() {
    }
}
