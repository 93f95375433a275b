package org.dreamdiary.application.port.out;

import java.time.Instant;
import java.util.List;

/** Requests per caller and window, summed over every node of the service. */
public interface RequestCounts {
    /**
     * Adds each tally to the shared total of its caller and window, all in one statement, and returns those totals
     * after the addition (every node's requests included).
     */
    List<Tally> add(List<Tally> tallies);

    /** Deletes up to {@code max} totals of windows that started before {@code windowStart}; how many went. */
    int forgetBefore(Instant windowStart, int max);

    record Tally(String caller, Instant windowStart, long requests) {
    }
}
