package org.dreamdiary.adapter.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import org.dreamdiary.application.port.out.RequestCounts;
import org.jdbi.v3.core.Jdbi;

public final class JdbiRequestCounts implements RequestCounts {
    private final Jdbi jdbi;

    public JdbiRequestCounts(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public List<Tally> add(List<Tally> tallies) {
        if (tallies.isEmpty()) {
            return List.of();
        }
        // Always in one order, so that two nodes adding overlapping callers lock the rows in the same order.
        List<Tally> ordered = tallies.stream()
                .sorted(Comparator.comparing(Tally::windowStart).thenComparing(Tally::caller))
                .toList();
        return jdbi.withHandle(handle -> handle.createQuery("INSERT INTO request_counts AS c (caller, window_start, requests)"
                        + " SELECT caller, to_timestamp(window_start), requests"
                        + " FROM unnest(:callers, :windows, :requests) WITH ORDINALITY AS t(caller, window_start, requests, position)"
                        + " ORDER BY position"
                        + " ON CONFLICT (caller, window_start) DO UPDATE SET requests = c.requests + excluded.requests"
                        + " RETURNING caller, window_start, requests")
                .bindArray("callers", String.class, ordered.stream().map(Tally::caller).toList())
                .bindArray("windows", Long.class, ordered.stream().map(tally -> tally.windowStart().getEpochSecond()).toList())
                .bindArray("requests", Long.class, ordered.stream().map(Tally::requests).toList())
                .map((row, ctx) -> new Tally(row.getString("caller"),
                        row.getObject("window_start", OffsetDateTime.class).toInstant(), row.getLong("requests")))
                .list());
    }

    @Override
    public int forgetBefore(Instant windowStart, int max) {
        return jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM request_counts WHERE (caller, window_start) IN"
                        + " (SELECT caller, window_start FROM request_counts WHERE window_start < :before LIMIT :max)")
                .bind("before", windowStart).bind("max", max).execute());
    }
}
