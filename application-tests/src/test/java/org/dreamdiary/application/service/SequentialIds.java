package org.dreamdiary.application.service;

import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.dreamdiary.application.port.out.Ids;

/**
 * Ids 1, 2, 3, … shaped like UUIDv7 (version 7, variant 2), so they sort in the order given, as time-ordered ids
 * do; {@link #thenGive} hands out chosen ids first, as a node whose clock is behind would.
 */
public final class SequentialIds implements Ids {
    private final Queue<UUID> chosen = new ConcurrentLinkedQueue<>();
    private final AtomicLong next = new AtomicLong(1);

    /** The {@code n}th id given. */
    public static UUID sequential(long n) {
        return new UUID(0x0000000000007000L, 0x8000000000000000L | n);
    }

    @Override
    public UUID next() {
        UUID given = chosen.poll();
        return given != null ? given : sequential(next.getAndIncrement());
    }

    public void thenGive(UUID id) {
        chosen.add(id);
    }
}
